"""The desk's Qt widgets: the page, its panes and the step dialogs."""
