# Read by gunicorn from the folder it starts in (docs/security.md#logs). The access log, when an
# operator turns it on (--access-logfile), leaves out share tokens, client addresses and user
# agents: the time, the request, the status, the size and the duration.
logger_class = "fnsp_site.log_redaction.GunicornLogger"
access_log_format = '%(t)s "%(r)s" %(s)s %(b)s %(M)sms'
