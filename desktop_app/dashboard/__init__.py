"""The home page: today at a glance and the station's figures over the months."""
