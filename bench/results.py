"""What a bench run measured, as plain data the report is written from."""

from dataclasses import dataclass, field

from bench.wrk import WrkResult

HOME = "home"
NEWS = "news"
MATERIAL = "material"
NOT_FOUND = "not_found"
BROWSE = "browse"
SEARCH = "search"
SEARCH_VARIED = "search_varied"
OAI = "oai"
LTI_LAUNCH = "lti_launch"
DOWNLOAD = "download"
HOME_CACHED = "home_cached"
MATERIAL_CACHED = "material_cached"
# Sent with every request that must not be answered by the anonymous page cache.
UNCACHED_COOKIE = "nlka-bench=uncached"


@dataclass(frozen=True)
class Endpoint:
    """A page or endpoint under load: the paths wrk cycles through and the status it expects."""

    key: str
    label: str
    paths: tuple[str, ...]
    expected_class: int = 2
    # Cached endpoints are requested without cookies, so the anonymous page cache answers.
    cached: bool = False

    @property
    def cookie(self) -> str:
        return "" if self.cached else UNCACHED_COOKIE


@dataclass
class EndpointResult:
    endpoint: Endpoint
    wrk: WrkResult | None = None
    queries: int | None = None
    probe_status: int | None = None
    note: str = ""

    @property
    def measured(self) -> bool:
        return self.wrk is not None and self.wrk.requests > 0


@dataclass
class Harvest:
    """A full OAI-PMH ListRecords harvest in one fresh process."""

    records: int
    pages: int
    seconds: float
    peak_rss_mb: float
    first_checkpoint_rss_mb: float | None = None

    @property
    def records_per_second(self) -> float:
        return self.records / self.seconds if self.seconds else 0.0


@dataclass
class SizeResult:
    materials: int
    published: int
    seed_seconds: float
    endpoints: dict[str, EndpointResult] = field(default_factory=dict)
    # The first harvest after a bulk load renders every record; the second reads stored ones,
    # as harvesters do once records are rendered at publication.
    cold_harvest: Harvest | None = None
    harvest: Harvest | None = None


@dataclass
class UploadResult:
    size_bytes: int
    seconds: float
    status: int
    rss_growth_mb: float
    cp_seconds: float

    @property
    def speed_vs_cp(self) -> float:
        return self.cp_seconds / self.seconds if self.seconds else 0.0


@dataclass
class RunInfo:
    started: str
    database: str
    machine: dict[str, str]
    versions: dict[str, str]
    workers: int
    connections: int
    duration: float
    launches_prepared: int = 0
