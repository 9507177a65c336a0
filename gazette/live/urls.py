from django.urls import path

from . import feeds, views

app_name = "live"
urlpatterns = [
    path("<int:page_id>/entrees/", views.new_entries, name="new_entries"),
    path("<int:page_id>/atom/", feeds.EntryFeed(), name="feed"),
]
