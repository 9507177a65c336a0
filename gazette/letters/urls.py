from django.urls import path

from . import views

app_name = "letters"
urlpatterns = [
    path("", views.letter_list, name="list"),
    path("inscription/", views.subscribe, name="subscribe"),
    path("inscription/jeton/", views.form_token, name="token"),
    path("inscription/verifiez/", views.check_inbox, name="check_inbox"),
    path("confirmer/<str:token>/", views.confirm, name="confirm"),
    path("preferences/<str:token>/", views.preferences, name="preferences"),
    path("desabonnement/<str:token>/", views.unsubscribe_view, name="unsubscribe"),
    path("<slug:slug>/", views.letter_page, name="letter"),
    path("<slug:slug>/<id:edition_id>/", views.edition_page, name="edition"),
]
