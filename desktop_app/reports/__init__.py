"""Monthly and annual reports, Excel export of lists, Excel import of the stations' registers (台账)."""
