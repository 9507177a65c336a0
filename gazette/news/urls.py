from django.urls import path

from . import views

app_name = "news"

urlpatterns = [
    path("auteurs/<slug:slug>/", views.author_page, name="author"),
    # taggit keeps accents in slugs (« élections »), which the slug converter refuses.
    path("sujets/<str:slug>/", views.tag_page, name="tag"),
]
