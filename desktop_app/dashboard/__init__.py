"""The home page: today at a glance and the station's figures over the months.

No other feature uses it: it reads the others (their ``figures`` and the reports' monthly series).
Its use cases are ``today.today_figures``, ``charts.chart_series`` / ``charts.desk_categories`` and
``stations.station_choices``.
"""
