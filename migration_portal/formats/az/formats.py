# Day, month in its running-text form, year: 15 dekabr 2020.
DATE_FORMAT = "j E Y"
DATETIME_FORMAT = "j E Y, H:i"
