from django.urls import path

from . import views

app_name = "comments"
urlpatterns = [
    path("jeton/<id:article_id>/", views.form_token, name="token"),
    path("<id:article_id>/envoyer/", views.submit, name="submit"),
]
