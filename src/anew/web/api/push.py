"""Her devices that receive push notifications: the server's public key to subscribe with, and
the subscriptions themselves (add, list, remove)."""

from __future__ import annotations

from fastapi import Request, Response
from pydantic import BaseModel, Field

from anew.push import service
from anew.push.service import SubscriptionIn, SubscriptionOut
from anew.web.api.schemas import BAD_BODY, ERROR_RESPONSES, RESPONSES, RowId
from anew.web.http.deps import ApiUser, SessionDep
from anew.web.http.segment_router import API_PREFIX, SegmentRouter

router = SegmentRouter(tags=["reminders"], mounted_at=API_PREFIX)


class PushKey(BaseModel):
    public_key: str = Field(description="the VAPID public key (applicationServerKey), base64url")


@router.get("/push/key", response_model=PushKey, responses=ERROR_RESPONSES)
def push_key(request: Request, user: ApiUser) -> PushKey:
    """The key a browser subscribes with (`pushManager.subscribe({applicationServerKey})`)."""
    return PushKey(public_key=service.server_key(request.app.state.settings))


@router.post(
    "/push/subscriptions",
    status_code=201,
    response_model=SubscriptionOut,
    responses={**ERROR_RESPONSES, **BAD_BODY},
)
def add_subscription(
    body: SubscriptionIn, request: Request, user: ApiUser, db: SessionDep
) -> SubscriptionOut:
    """Keep this browser's subscription (its `toJSON()`); the same endpoint again renews it."""
    policy = service.address_policy(request.app.state.settings)
    return service.subscribe(db, user.id, body, policy)


@router.get("/push/subscriptions", response_model=list[SubscriptionOut], responses=ERROR_RESPONSES)
def list_subscriptions(user: ApiUser, db: SessionDep) -> list[SubscriptionOut]:
    """Her devices, oldest first, with who carries their notifications."""
    return service.devices(db, user.id)


@router.delete("/push/subscriptions/{subscription_id}", status_code=204, responses=RESPONSES)
def delete_subscription(subscription_id: RowId, user: ApiUser, db: SessionDep) -> Response:
    service.remove(db, user.id, subscription_id)
    return Response(status_code=204)
