"""Response models for people, their roles and the events they take part in."""

from pydantic import BaseModel, ConfigDict, Field

from app.citations.schemas import HEDGE_DESCRIPTION, STANCE_DESCRIPTION, CitationOut, Stance


class RoleOut(BaseModel):
    # `from` is a Python keyword: the field is `from_`, and "from" on the wire both ways.
    model_config = ConfigDict(validate_by_name=True, serialize_by_alias=True)

    title: str = Field(examples=["Deputy Defense Minister"])
    organization: str | None = Field(
        description="The organization's slug (see /organizations)",
        examples=["kz-ministry-of-defence"],
    )
    country: str | None = Field(description="ISO alpha-2 code", examples=["KZ"])
    from_: str | None = Field(alias="from", description="When the role began, if stated")
    to: str | None = Field(description="When it ended, if stated", examples=["2017-09-04"])
    stance: Stance = Field(description=STANCE_DESCRIPTION, examples=["stated"])
    hedge: str | None = Field(description=HEDGE_DESCRIPTION)
    note: str | None
    citations: list[CitationOut]


class PersonOut(BaseModel):
    slug: str = Field(examples=["kassym-jomart-tokayev"])
    name: str = Field(examples=["Kassym-Jomart Tokayev"])
    aliases: list[str] = Field(
        description="Other spellings the articles use", examples=[["Kasym-Jomart Tokayev"]]
    )
    country: str | None = Field(description="ISO alpha-2 code", examples=["KZ"])
    roles: list[RoleOut] = Field(description="The titles the articles give the person")
    note: str | None
    citations: list[CitationOut]


class PersonEventOut(BaseModel):
    id: str = Field(description="The event's id (see /events/{id})")
    type: str = Field(examples=["order"])
    date: str | None = Field(description="Partial ISO 8601: 2021, 2021-08, 2021-08-21")
    title: str
    stance: Stance = Field(description=STANCE_DESCRIPTION, examples=["stated"])
    role: str | None = Field(description="What the person did in it", examples=["ordered"])


class PersonDetail(PersonOut):
    events: list[PersonEventOut] = Field(
        description="The events the person takes part in, oldest first (undated last)"
    )
