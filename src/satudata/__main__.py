from satudata.cli import entry_point

entry_point()
