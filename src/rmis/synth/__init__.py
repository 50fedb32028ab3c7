"""The synthetic region: the crossings a CIS region's national nodes would hold.

Migrants of Tajikistan, Uzbekistan, Kyrgyzstan, Kazakhstan and Azerbaijan travel to Russia,
Kazakhstan and a few neighbours; each state's border posts record their exits and entries in
that state's own script. Deterministic for a seed, streaming, calibrated on the seeds' figures.
"""

from rmis.synth.columns import CROSSING_COLUMNS
from rmis.synth.manifest import RegionConfig, RegionManifest
from rmis.synth.region import estimate_records, iter_region, write_region

__all__ = [
    "CROSSING_COLUMNS",
    "RegionConfig",
    "RegionManifest",
    "estimate_records",
    "iter_region",
    "write_region",
]
