from django.urls import path

from . import views

app_name = "news"

urlpatterns = [
    path("auteurs/<slug:slug>/", views.author_page, name="author"),
    # Not <slug:>: an accented address from before ASCII slugs gets its 301 (news/tags.py).
    path("sujets/<str:slug>/", views.tag_page, name="tag"),
]
