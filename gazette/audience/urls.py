from django.urls import path

from . import views

app_name = "audience"
urlpatterns = [
    path("lecture/", views.beacon, name="beacon"),
]
