"""The name of the city's editors' group, without imports: the models' mail needs it,
and roles (which sets the groups up) imports the models."""

CITY_EDITORS_GROUP_NAME = "Stadtredaktion"
