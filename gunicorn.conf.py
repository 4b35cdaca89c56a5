"""gunicorn's settings for the app servers, read from the environment.

gunicorn -c gunicorn.conf.py migration_portal.wsgi:application
"""

import multiprocessing
import os

# Where to listen: the load balancer reaches each app server at this address.
bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000").split(",")
# Synchronous workers: each handles one request at a time, so allow two per core and one.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 30))
graceful_timeout = timeout
# Keep-alive a little longer than the load balancer's idle timeout would need.
keepalive = 5
# Access log to standard output, errors to standard error: the platform collects both.
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info").lower()
# gunicorn's control socket has one default path for every instance of a user on a machine:
# two app servers side by side would fight over it. Each instance names its own, or has none.
control_socket = os.environ.get("GUNICORN_CONTROL_SOCKET", "")
control_socket_disable = not control_socket
