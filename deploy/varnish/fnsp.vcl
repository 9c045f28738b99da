# Varnish in front of gunicorn (docs/caching.md). The backend and the addresses allowed to
# purge differ per installation: they live in `site.vcl`, found on varnishd's `vcl_path`
# (scripts/serve-cached.sh and the tests write one; deploy/varnish/site.vcl.example).
vcl 4.1;

import std;
import xkey;

include "site.vcl";

sub vcl_recv {
    # One id per request in Varnish's log and the app's (core/logging.py): the load balancer's
    # if it sent one, else Varnish's own.
    if (req.http.X-Request-ID !~ "^[A-Za-z0-9._:-]{1,64}$") {
        set req.http.X-Request-ID = req.xid;
    }
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(405, "Not allowed"));
        }
        # Django purges by surrogate key: every response lists its keys in `xkey`.
        if (req.http.xkey-purge) {
            set req.http.X-Purged = xkey.purge(req.http.xkey-purge);
            return (synth(200, "Purged " + req.http.X-Purged));
        }
        return (purge);
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # Metrics are for the scraper, which asks each app server itself (core/metrics.py).
    if (req.url ~ "^/metrics(\?|$)") {
        return (synth(404, "Not Found"));
    }
    # The app servers' health probes (core/health.py) tell about now, never from the cache.
    if (req.url ~ "^/(healthz|readyz)(\?|$)") {
        return (pass);
    }
    # Static files and uploads are the same for everyone, logged in or not.
    if (req.url ~ "^/(static|media)/") {
        unset req.http.Cookie;
        return (hash);
    }
    # The admin (and its previews), staff's share pages, patients' share links and documents
    # (which may be restricted to a collection's viewers) are personal.
    if (req.url ~ "^/(admin|documents|i)/" || req.url ~ "^(/(nn|en|se))?/del/") {
        return (pass);
    }
    # A session means an editor (or a patient who has answered a restricted page's form).
    if (req.http.Cookie ~ "(^|;\s*)sessionid=" || req.http.Authorization) {
        return (pass);
    }
    # Other cookies (the CSRF token of an earlier form, analytics) change nothing Django shows
    # an anonymous reader, and the language comes from the URL, not Accept-Language: both
    # would split the cache for nothing.
    unset req.http.Cookie;
    unset req.http.Accept-Language;
    return (hash);
}

sub vcl_backend_response {
    # A purge is exact and a time-bound lifetime (a banner's end) must end on time: no stale
    # copy is served after either.
    set beresp.grace = 0s;
    if (beresp.http.Set-Cookie) {
        # Builtin: never store a response that sets a cookie (a session, a CSRF token).
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
}

sub vcl_deliver {
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } elsif (obj.uncacheable) {
        set resp.http.X-Cache = "PASS";
    } else {
        set resp.http.X-Cache = "MISS";
    }
    # The keys are for this cache only.
    unset resp.http.xkey;
    # This request's id, not that of the request that filled the cache.
    set resp.http.X-Request-ID = req.http.X-Request-ID;
}
