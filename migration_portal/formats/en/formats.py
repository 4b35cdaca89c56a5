# Releases are dated the way British English writes dates: 15 December 2020.
DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y, H:i"
