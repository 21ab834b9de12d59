"""API tokens: exchange an email and password for a revocable, expiring bearer token."""

from __future__ import annotations

from typing import Literal

from fastapi import HTTPException, Request, Response
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from anew.accounts import service
from anew.accounts.sessions import LIFETIMES
from anew.accounts.vocabulary import SessionKind
from anew.db import utcnow
from anew.web.api.schemas import BAD_BODY, ERROR_RESPONSES, ApiModel, Problem
from anew.web.http.deps import ApiUser, BearerToken, SessionDep, client_address
from anew.web.http.outbox import send_later
from anew.web.http.segment_router import API_PREFIX, SegmentRouter

router = SegmentRouter(prefix="/auth", tags=["auth"], mounted_at=API_PREFIX)


class TokenRequest(ApiModel):
    email: str = Field(min_length=1, max_length=254, examples=["alice@example.org"])
    password: str = Field(min_length=1, max_length=1024)


class Token(BaseModel):
    access_token: str
    token_type: Literal["bearer"] = "bearer"  # noqa: S105 - the OAuth token type name
    expires_in: int = Field(description="Seconds until the token expires")


@router.post(
    "/token",
    response_model=Token,
    summary="Get a bearer token",
    responses={
        **BAD_BODY,
        401: {"model": Problem, "description": "Wrong email or password"},
        429: {"model": Problem, "description": "Too many attempts; see Retry-After"},
    },
)
def create_token(body: TokenRequest, request: Request, db: SessionDep) -> Token | JSONResponse:
    """Log in with email and password; the token expires and can be revoked."""
    try:
        opened = service.open_session(
            db,
            service.log_in,
            email=body.email,
            password=body.password,
            address=client_address(request),
            now=utcnow(),
            kind=SessionKind.API,
        )
    except service.TooManyAttempts as error:
        # Answered rather than raised, so the owner's notice still goes out after the answer.
        return JSONResponse(
            {"detail": str(error)},
            status_code=429,
            headers={"Retry-After": str(error.retry_after)},
            background=send_later(request, error.mails),
        )
    except service.AccountError as error:
        raise HTTPException(
            status_code=401, detail=str(error), headers={"WWW-Authenticate": "Bearer"}
        ) from None
    lifetime = int(LIFETIMES[SessionKind.API].total_seconds())
    return Token(access_token=opened.token, expires_in=lifetime)


@router.delete(
    "/token", status_code=204, summary="Revoke this bearer token", responses=ERROR_RESPONSES
)
def revoke_token(user: ApiUser, db: SessionDep, credentials: BearerToken) -> Response:
    """Revoke the token this request was made with; it stops working at once, everywhere."""
    if credentials is not None:
        service.close_session(db, credentials.credentials)
    return Response(status_code=204)
