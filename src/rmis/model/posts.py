"""The region's border posts: their state, kind, local time and position.

Post codes are the state's ICAO code and the airport's IATA code (`RUS-DME`, `TJK-DYU`) or a
three-letter abbreviation of a road crossing (`TJK-FOT` Fotehobod, `UZB-OYB` Oybek). Kazakhstan
moved to a single zone, UTC+5, on 1 March 2024; its eastern posts kept UTC+6 before that day.
Positions are in decimal degrees (WGS 84): airports by their published reference points, road
crossings approximately (to a few km).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

KAZAKHSTAN_SINGLE_ZONE = dt.date(2024, 3, 1).toordinal()
_NEVER = dt.date.max.toordinal()


@dataclass(frozen=True, slots=True)
class BorderPost:
    """A border crossing point of one state; `offset` in minutes east of UTC."""

    code: str
    state: str
    name: str
    mode: str  # air | road
    offset: int
    latitude: float
    longitude: float
    offset_from: int = _NEVER  # the day a new offset starts, as a proleptic ordinal
    new_offset: int = 0

    def offset_on(self, ordinal: int) -> int:
        """Minutes east of UTC on a local day."""
        return self.new_offset if ordinal >= self.offset_from else self.offset


def _post(code: str, name: str, mode: str, hours: int, lat: float, lon: float) -> BorderPost:
    return BorderPost(code, code[:3], name, mode, hours * 60, lat, lon)


def _kazakh_post(code: str, name: str, mode: str, hours: int, lat: float, lon: float) -> BorderPost:
    return BorderPost(code, "KAZ", name, mode, hours * 60, lat, lon, KAZAKHSTAN_SINGLE_ZONE, 300)


BORDER_POSTS: dict[str, BorderPost] = {
    p.code: p
    for p in (
        _post("TJK-DYU", "Dushanbe airport", "air", 5, 38.543, 68.825),
        _post("TJK-LBD", "Khujand airport", "air", 5, 40.215, 69.695),
        _post("TJK-KQT", "Bokhtar airport", "air", 5, 37.866, 68.865),
        _post("TJK-FOT", "Fotehobod road crossing", "road", 5, 40.260, 69.350),
        _post("UZB-TAS", "Tashkent airport", "air", 5, 41.258, 69.281),
        _post("UZB-SKD", "Samarkand airport", "air", 5, 39.700, 66.984),
        _post("UZB-OYB", "Oybek road crossing", "road", 5, 40.270, 69.360),
        _post("UZB-GSK", "Gishtkoprik road crossing", "road", 5, 41.050, 69.350),
        _post("UZB-DST", "Dostlik road crossing", "road", 5, 40.520, 72.670),
        _post("KGZ-FRU", "Bishkek Manas airport", "air", 6, 43.061, 74.478),
        _post("KGZ-OSS", "Osh airport", "air", 6, 40.609, 72.793),
        _post("KGZ-AKZ", "Ak-Zhol road crossing", "road", 6, 43.080, 73.970),
        _post("KGZ-DOS", "Dostuk road crossing", "road", 6, 40.520, 72.680),
        _kazakh_post("KAZ-ALA", "Almaty airport", "air", 6, 43.352, 77.040),
        _kazakh_post("KAZ-NQZ", "Astana airport", "air", 6, 51.022, 71.467),
        _kazakh_post("KAZ-CIT", "Shymkent airport", "air", 6, 42.364, 69.479),
        _kazakh_post("KAZ-ZHI", "Zhibek Zholy road crossing", "road", 6, 41.170, 69.200),
        _kazakh_post("KAZ-KRD", "Korday road crossing", "road", 6, 43.050, 74.720),
        _post("KAZ-ZHN", "Zhaisan road crossing", "road", 5, 50.870, 58.700),
        _post("RUS-DME", "Moscow Domodedovo airport", "air", 3, 55.409, 37.906),
        _post("RUS-VKO", "Moscow Vnukovo airport", "air", 3, 55.596, 37.268),
        _post("RUS-SVO", "Moscow Sheremetyevo airport", "air", 3, 55.973, 37.415),
        _post("RUS-LED", "St Petersburg Pulkovo airport", "air", 3, 59.800, 30.262),
        _post("RUS-KZN", "Kazan airport", "air", 3, 55.606, 49.279),
        _post("RUS-SVX", "Yekaterinburg Koltsovo airport", "air", 5, 56.743, 60.803),
        _post("RUS-OVB", "Novosibirsk Tolmachevo airport", "air", 7, 55.012, 82.651),
        _post("RUS-MSH", "Mashtakovo road crossing", "road", 5, 51.000, 58.600),
        _post("RUS-YAR", "Yarag-Kazmalyar road crossing", "road", 3, 41.900, 48.450),
        _post("AZE-GYD", "Baku airport", "air", 4, 40.467, 50.047),
        _post("AZE-SMR", "Samur road crossing", "road", 4, 41.850, 48.520),
    )
}
