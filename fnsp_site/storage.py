"""Media (images, documents) on an S3-compatible object store when FNSP_S3_BUCKET is set,
through django-storages; the local disk (MEDIA_ROOT) otherwise (docs/deployment.md#media).
No Django import: the settings call it."""


def s3_storage(environ):
    """STORAGES["default"] for the store the environment names, or None. Credentials come
    from AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (or the machine's role), read by boto3."""
    bucket = environ.get("FNSP_S3_BUCKET")
    if not bucket:
        return None
    return {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": bucket,
            "endpoint_url": environ.get("FNSP_S3_ENDPOINT_URL") or None,
            "region_name": environ.get("FNSP_S3_REGION") or None,
            # Path-style URLs work with every S3-compatible store (MinIO, Ceph, AWS).
            "addressing_style": environ.get("FNSP_S3_ADDRESSING_STYLE", "path"),
            # Images are shown from the store's (or its CDN's) public address, without an
            # expiring signature: Varnish keeps pages that show them for an hour. Documents,
            # which may be restricted, are served by Django (WAGTAILDOCS_SERVE_METHOD); the
            # bucket's policy keeps documents/ private.
            "custom_domain": environ.get("FNSP_S3_CUSTOM_DOMAIN") or None,
            "querystring_auth": False,
            "default_acl": None,
            "file_overwrite": False,
        },
    }


def media_origin(environ):
    """Where the browser loads images from when they are on the store (for the CSP)."""
    if environ.get("FNSP_S3_CUSTOM_DOMAIN"):
        return f"https://{environ['FNSP_S3_CUSTOM_DOMAIN']}"
    return environ.get("FNSP_S3_ENDPOINT_URL") or "https://*.amazonaws.com"
