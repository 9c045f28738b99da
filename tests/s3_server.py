"""A real S3-compatible server on a free localhost port: moto's standalone server (a Python
package: nothing else that serves S3 installs from the package registries here; see
docs/deployment.md#media). Its objects live in its memory: `stop` loses them."""

import json

import boto3
import requests
from moto.server import ThreadedMotoServer

from scripts.varnish import free_port

BUCKET = "fnsp-media"
# The bucket policy docs/deployment.md#media asks for: images readable by anyone, documents
# (which may be restricted) only through the app.
PUBLIC_IMAGES = {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Principal": "*",
            "Action": "s3:GetObject",
            "Resource": [
                f"arn:aws:s3:::{BUCKET}/images/*",
                f"arn:aws:s3:::{BUCKET}/original_images/*",
            ],
        }
    ],
}
CREDENTIALS = {"AWS_ACCESS_KEY_ID": "fnsp-test", "AWS_SECRET_ACCESS_KEY": "fnsp-test-secret"}


class S3Server:
    def __init__(self):
        self.port = free_port()
        self.server = None

    @property
    def endpoint(self):
        return f"http://127.0.0.1:{self.port}"

    @property
    def environ(self):
        """The environment naming it (fnsp_site/storage.py), for app servers started by a test."""
        return {
            "FNSP_S3_BUCKET": BUCKET,
            "FNSP_S3_ENDPOINT_URL": self.endpoint,
            "FNSP_S3_REGION": "eu-north-1",
            **CREDENTIALS,
        }

    def client(self):
        return boto3.client(
            "s3",
            endpoint_url=self.endpoint,
            region_name="eu-north-1",
            aws_access_key_id=CREDENTIALS["AWS_ACCESS_KEY_ID"],
            aws_secret_access_key=CREDENTIALS["AWS_SECRET_ACCESS_KEY"],
        )

    def start(self):
        self.server = ThreadedMotoServer(ip_address="127.0.0.1", port=self.port, verbose=False)
        self.server.start()
        # moto keeps its buckets in the process, across servers: start empty.
        requests.post(f"{self.endpoint}/moto-api/reset", timeout=10).raise_for_status()
        client = self.client()
        client.create_bucket(
            Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": "eu-north-1"}
        )
        client.put_bucket_policy(Bucket=BUCKET, Policy=json.dumps(PUBLIC_IMAGES))

    def object_names(self):
        listing = self.client().list_objects_v2(Bucket=BUCKET)
        return [item["Key"] for item in listing.get("Contents", [])]

    def stop(self):
        if self.server:
            self.server.stop()
            self.server = None
