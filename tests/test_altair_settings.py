"""dashboard.ui.configure_altair speeds Altair up for the running app (no schema validation, one
class index per process) and must not change a single chart: the spec a page sends is the same."""
import json
import os
import subprocess
import sys
import textwrap

from tests.conftest import ROOT

SCRIPT = textwrap.dedent('''
    import json
    import altair as alt
    import pandas as pd
    from dashboard.ui import CHART_THEME, chart_theme, configure_altair

    def charts():
        df = pd.DataFrame({"x": [0.0, 1.0, 2.0], "p": [0.1, 0.5, 0.9], "curve": ["a", "b", "a"],
                           "dark": [True, False, True]})
        base = alt.Chart(df).encode(x="x:Q", y=alt.Y("p:Q", scale=alt.Scale(domain=[0, 1])))
        line = base.mark_line().encode(color="curve:N", tooltip=["x", alt.Tooltip("p:Q", format=".3f")])
        text = base.mark_text().encode(text="p:Q", color=alt.condition("datum.dark", alt.value("white"),
                                                                       alt.value("black")))
        return [(line + text).properties(height=200), base.mark_rect().encode(color="count():Q")]

    alt.theme.register(CHART_THEME, enable=True)(lambda: alt.theme.ThemeConfig(chart_theme()))
    before = [c.to_dict() for c in charts()]
    configure_altair()
    configure_altair()  # idempotent
    after = [c.to_dict() for c in charts()]
    try:
        alt.Chart(pd.DataFrame({"x": [1]})).mark_point(size="big").encode(x="x:Q").to_dict()
        unvalidated = True
    except Exception:
        unvalidated = False
    try:
        alt.Chart(pd.DataFrame({"x": [1]})).mark_point(size="big").encode(x="x:Q").to_dict(validate=True)
        still_checks = False
    except Exception:
        still_checks = True
    print(json.dumps({"same": before == after, "unvalidated": unvalidated, "still_checks": still_checks}))
''')


def _run(validate: str | None) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "DL_VALIDATE_CHARTS"}
    if validate is not None:
        env["DL_VALIDATE_CHARTS"] = validate
    out = subprocess.run([sys.executable, "-c", SCRIPT], cwd=ROOT, env=env, capture_output=True, text=True,
                         timeout=300)
    assert out.returncode == 0, out.stderr[-3000:]
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_configure_altair_changes_no_spec_and_skips_only_the_default_validation():
    r = _run(None)
    assert r["same"], "configure_altair changed a chart's Vega-Lite spec"
    assert r["unvalidated"], "the app's to_dict still validates by default"
    assert r["still_checks"], "an explicit to_dict(validate=True) must still reject an invalid chart"


def test_tests_keep_altair_validation_on():
    r = _run("1")
    assert r["same"]
    assert not r["unvalidated"], "with DL_VALIDATE_CHARTS=1 an invalid chart must still be rejected"
