"""What a route's query parameters are, read from FastAPI's own account of the route: for the
strict query string (strict.py) and for naming a vocabulary's values in a 422 (errors.py)."""

from typing import Any, Literal, get_args, get_origin

from fastapi.dependencies.models import Dependant


def query_parameters(dependant: Dependant) -> dict[str, Any]:
    """The query parameters a route takes, its own and its dependencies', with their types."""
    types = {param.alias: param.field_info.annotation for param in dependant.query_params}
    for dependency in dependant.dependencies:
        types |= query_parameters(dependency)
    return types


def vocabulary(annotation: Any) -> list[str] | None:
    """The values a parameter of a fixed vocabulary takes (`list[Stance] | None`: the
    stances), to name them when a value is refused; None for any other parameter."""
    if get_origin(annotation) is Literal:
        return [str(value) for value in get_args(annotation)]
    for argument in get_args(annotation):
        values = vocabulary(argument)
        if values is not None:
            return values
    return None
