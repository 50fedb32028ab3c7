"""Persons from links: records joined by white links are one person, except that records a
reviewer found to be different people (green) never end in one person.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable


class _Forest:
    """Union-find over record ids, each root knowing its members and who it must not meet."""

    def __init__(self, ids: Iterable[str]) -> None:
        self.parent: dict[str, str] = {i: i for i in ids}
        self.members: dict[str, list[str]] = {i: [i] for i in self.parent}
        self.apart: dict[str, set[str]] = {}

    def root(self, item: str) -> str:
        parent = self.parent
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    def keep_apart(self, left: str, right: str) -> None:
        self.apart.setdefault(left, set()).add(right)
        self.apart.setdefault(right, set()).add(left)

    def join(self, left: str, right: str) -> bool:
        a, b = self.root(left), self.root(right)
        if a == b:
            return True
        if len(self.members[a]) < len(self.members[b]):
            a, b = b, a
        if self._forbidden(a, b):
            return False
        self.parent[b] = a
        self.members[a] += self.members.pop(b)
        if b in self.apart:
            self.apart.setdefault(a, set()).update(self.apart.pop(b))
        return True

    def _forbidden(self, a: str, b: str) -> bool:
        for one, other in ((a, b), (b, a)):
            enemies = self.apart.get(one)
            if enemies and any(self.root(e) == other for e in enemies):
                return True
        return False


def cluster_records(
    ids: Iterable[str],
    white_links: Iterable[tuple[str, str, float]],
    apart: Iterable[tuple[str, str]] = (),
) -> dict[str, str]:
    """Each id's person id. White links are taken strongest first; a link that would put two
    records kept `apart` into one person is skipped. The result depends only on the links,
    not on their order, so linking increments gives what linking everything at once gives.
    """
    forest = _Forest(ids)
    for left, right in apart:
        if left in forest.parent and right in forest.parent:
            forest.keep_apart(forest.root(left), forest.root(right))
    ordered = sorted(white_links, key=lambda link: (-link[2], min(link[:2]), max(link[:2])))
    for left, right, _ in ordered:
        forest.join(left, right)
    persons: dict[str, str] = {}
    for members in forest.members.values():
        person = person_id_of(members)
        persons.update(dict.fromkeys(members, person))
    return persons


def person_id_of(members: Iterable[str]) -> str:
    """A person's id, fixed by its records: the same records give the same id in every run."""
    first = min(members)
    return "P" + hashlib.blake2b(first.encode(), digest_size=8).hexdigest()
