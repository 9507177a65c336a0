from django.urls import path

from . import views

app_name = "comments"
urlpatterns = [
    path("jeton/<int:article_id>/", views.form_token, name="token"),
    path("<int:article_id>/envoyer/", views.submit, name="submit"),
]
