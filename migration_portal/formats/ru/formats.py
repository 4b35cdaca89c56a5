# Day, month in the genitive, year, without Django's trailing "г.": 15 декабря 2020.
DATE_FORMAT = "j E Y"
DATETIME_FORMAT = "j E Y, H:i"
