from django.urls import path

from . import views

app_name = "live"
urlpatterns = [
    path("<int:page_id>/entrees/", views.new_entries, name="new_entries"),
]
