"""Page 10a (the playground) through AppTest: every control, play, pause, one step, reset; the numbers
shown are core's (a Playground built here with the same settings and trained the same way)."""
import pytest
from streamlit.testing.v1 import AppTest

from core.nn.playground import Playground, make_dataset
from dashboard.i18n import LANGS, translate
from dashboard.ui import number
from tests.conftest import ROOT

PAGE = str(ROOT / "dashboard" / "lessons" / "10a_playground.py")


def render(lang: str = "en") -> AppTest:
    at = AppTest.from_file(PAGE, default_timeout=180)
    at.session_state["lang"] = lang
    at.run()
    assert not at.exception, at.exception
    return at


def metrics(at: AppTest, lang: str = "en") -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def value(at: AppTest, key: str, lang: str = "en") -> str:
    return metrics(at, lang)[translate(key, lang)]


def rerun(at: AppTest) -> AppTest:
    at.run()
    assert not at.exception, at.exception
    return at


@pytest.mark.parametrize("lang", LANGS)
def test_renders_in_both_languages(lang):
    at = render(lang)
    assert at.title[0].value == translate("p10a.title", lang)
    assert value(at, "p10a.epoch", lang) == "0"
    assert len(at.get("vega_lite_chart")) == 4  # network, region, losses, gradient norms


def test_one_step_trains_one_epoch_as_core_does():
    at = render()
    at.button(key="p10a_step").click()
    rerun(at)
    assert value(at, "p10a.epoch") == "1"
    # the same settings in core, trained one epoch: the same losses
    pg = Playground(make_dataset("circle", 500, noise=0.05, train_frac=0.5, seed=0), (4, 4), "tanh",
                    optimizer="adam", lr=0.03, batch_size=10, seed=0)
    pg.run(1)
    assert value(at, "p10a.train_loss") == number(pg.history["train_loss"][-1], 4)
    assert value(at, "p10a.test_loss") == number(pg.history["test_loss"][-1], 4)


def test_play_trains_every_frame_and_pause_stops():
    at = render()
    at.button(key="p10a_play").click()
    rerun(at)
    assert at.button(key="p10a_pause").label == translate("p10a.pause", "en")
    assert not [b for b in at.button if b.key == "p10a_play"]  # one control at a time
    assert at.button(key="p10a_step").disabled
    first = int(value(at, "p10a.epoch"))
    assert first >= 1
    rerun(at)  # the next frame (the browser's run_every timer does this)
    assert int(value(at, "p10a.epoch")) > first
    at.button(key="p10a_pause").click()
    rerun(at)
    paused = int(value(at, "p10a.epoch"))
    assert at.button(key="p10a_play").label == translate("p10a.play", "en")
    assert not at.session_state["p10a_playing"]
    rerun(at)
    assert int(value(at, "p10a.epoch")) == paused


def test_reset_starts_again():
    at = render()
    at.button(key="p10a_step").click()
    rerun(at)
    at.button(key="p10a_reset").click()
    rerun(at)
    assert value(at, "p10a.epoch") == "0"


def test_structure_controls_start_a_new_network():
    at = render()
    at.button(key="p10a_step").click()
    rerun(at)
    changes = [
        lambda: at.selectbox(key="p10a_data").set_value("spiral"),
        lambda: at.slider(key="p10a_noise").set_value(0.2),
        lambda: at.slider(key="p10a_split").set_value(70),
        lambda: at.number_input(key="p10a_seed").set_value(3),
        lambda: at.slider(key="p10a_layers").set_value(4),
        lambda: at.slider(key="p10a_w3").set_value(8),
        lambda: at.selectbox(key="p10a_act").set_value("relu"),
        lambda: at.toggle(key="p10a_bn").set_value(True),
    ]
    for change in changes:
        change()
        rerun(at)
        assert value(at, "p10a.epoch") == "0"
        at.button(key="p10a_step").click()
        rerun(at)
        assert value(at, "p10a.epoch") == "1"
    # 4 hidden layers: one dead-unit metric per layer
    assert sum(m.label.startswith("Dead in layer") for m in at.metric) == 4


def test_training_settings_apply_to_the_running_network():
    at = render()
    at.button(key="p10a_step").click()
    rerun(at)
    for change in [lambda: at.select_slider(key="p10a_lr").set_value(0.3),
                   lambda: at.select_slider(key="p10a_batch").set_value(50),
                   lambda: at.select_slider(key="p10a_l2").set_value(0.01),
                   lambda: at.selectbox(key="p10a_opt").set_value("momentum")]:
        change()
        rerun(at)
        assert value(at, "p10a.epoch") == "1"  # the network keeps training where it was
    pg = at.session_state["p10a_pg"]
    assert (pg.optimizer.name, pg.optimizer.lr, pg.batch_size, pg.model.l2) == ("momentum", 0.3, 50, 0.01)
    at.button(key="p10a_step").click()
    rerun(at)
    assert value(at, "p10a.epoch") == "2"


def test_truth_table_no_hidden_layer_and_batch_one():
    at = render()
    at.selectbox(key="p10a_data").set_value("xor_table")
    at.slider(key="p10a_layers").set_value(0)
    at.select_slider(key="p10a_batch").set_value(1)
    rerun(at)
    assert at.slider(key="p10a_noise").disabled and at.slider(key="p10a_split").disabled
    assert at.toggle(key="p10a_bn").disabled
    assert translate("p10a.no_hidden", "en") in [c.value for c in at.caption]
    at.button(key="p10a_step").click()
    rerun(at)
    assert value(at, "p10a.epoch") == "1"
    assert at.session_state["p10a_pg"].model.sizes == (2, 1)


def test_show_code_lists_the_functions_that_ran():
    at = render()
    at.toggle(key="p10a_bn").set_value(True)
    rerun(at)
    shown = [c.value for c in at.caption]
    for name in ("core.nn.mlp.MLP.forward", "core.nn.mlp.MLP.backward", "core.nn.batchnorm.batchnorm_forward",
                 "core.ml.optim.Adam.step", "core.nn.activations.tanh"):
        assert name in shown, (name, shown)
