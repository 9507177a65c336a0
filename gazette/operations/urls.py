from django.urls import path

from . import health

app_name = "operations"
urlpatterns = [
    path("vivant", health.alive, name="alive"),
    path("pret", health.ready, name="ready"),
]
