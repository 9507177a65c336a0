"""Media on S3-compatible storage, as several app servers share them: an uploaded image and its
renditions land in the bucket, pages name them at the bucket's address, and they can be
read back from it. The S3 server is moto's, a real S3 API on loopback."""

import shutil
import subprocess
from pathlib import Path

import boto3
import pytest
from django.conf import settings as django_settings

from gazette.core.tests.servers import free_port, wait_until_listening

from .factories import make_article, make_home, make_image, make_section

pytestmark = [pytest.mark.django_db, pytest.mark.system]
MOTO = Path(django_settings.BASE_DIR) / ".venv" / "bin" / "moto_server"
BUCKET = "gazette-medias"


@pytest.fixture(scope="module")
def s3_endpoint():
    if not MOTO.exists() and not shutil.which("moto_server"):
        pytest.skip("moto_server is not installed")
    port = free_port()
    process = subprocess.Popen(
        [str(MOTO), "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    wait_until_listening(process, port, "moto_server", seconds=30)
    yield f"http://127.0.0.1:{port}"
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture
def bucket(s3_endpoint, settings):
    client = boto3.client(
        "s3",
        endpoint_url=s3_endpoint,
        aws_access_key_id="essai",
        aws_secret_access_key="essai-secret",
        region_name="eu-west-3",
    )
    client.create_bucket(
        Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": "eu-west-3"}
    )
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": BUCKET,
                "endpoint_url": s3_endpoint,
                "region_name": "eu-west-3",
                "access_key": "essai",
                "secret_key": "essai-secret",
                "querystring_auth": False,
                "file_overwrite": False,
            },
        },
    }
    yield client
    objects = client.list_objects_v2(Bucket=BUCKET).get("Contents", [])
    for item in objects:
        client.delete_object(Bucket=BUCKET, Key=item["Key"])
    client.delete_bucket(Bucket=BUCKET)


def test_images_and_renditions_live_in_the_bucket(bucket, s3_endpoint, client):
    image = make_image("Le port au matin")
    article = make_article(make_section(make_home(), "Monde"), "Marée haute", lead_image=image)
    page = client.get(article.url).content.decode()

    keys = {item["Key"] for item in bucket.list_objects_v2(Bucket=BUCKET)["Contents"]}
    assert any(key.startswith("original_images/le-port-au-matin") for key in keys)
    renditions = [key for key in keys if key.startswith("images/")]
    assert renditions, keys
    assert f"{s3_endpoint}/{BUCKET}/images/" in page
    # Readable at that address once the operator makes the bucket public (README): here, read
    # with the keys, as the CDN in front of a private bucket would.
    stored = bucket.get_object(Bucket=BUCKET, Key=renditions[0])
    assert stored["ContentLength"] > 100
    assert stored["ContentType"].startswith("image/")
