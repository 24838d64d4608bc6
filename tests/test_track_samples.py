"""``danvan track --root 33/CT-TTg samples/``: the root's own text is not among the samples, so
who was told cannot be read; who acted is listed by level with the lag."""

from __future__ import annotations

import json

from click.testing import CliRunner

from danvan_cli.cli import main


def run(*args: str):
    return CliRunner(env={"COLUMNS": "200"}).invoke(main, list(args), catch_exceptions=False)


def test_samples_say_the_root_text_is_absent_and_list_who_acted_by_level(samples_dir) -> None:
    res = run("track", "--root", "33/CT-TTg", str(samples_dir), "--as-of", "2025-06-30", "--format", "json")
    assert res.exit_code == 0
    data = json.loads(res.stdout)
    assert data["expected_readable"] is False and data["units"] == [] and data["root"]["in_corpus"] is False
    assert any("cannot be read" in n for n in data["notes"])
    acted = {(a["issuer"], a["level"]): a for a in data["cascade"] if a["source"]}
    assert set(acted) == {("UBND tỉnh Hải Dương", "province"), ("UBND thành phố Hải Phòng", "province"),
                          ("UBND quận Ba Đình", "district")}
    hd = acted[("UBND tỉnh Hải Dương", "province")]
    assert hd["doc_type"] == "Kế hoạch" and hd["relation"] == "implements"
    assert hd["lag_days"] == 36 and hd["lag_approximate"] is True  # dated only by its year (2022)
    bd = acted[("UBND quận Ba Đình", "district")]
    assert bd["lag_days"] == (1163) and bd["lag_approximate"] is True  # "ngày tháng 02 năm 2025"
    assert acted[("UBND thành phố Hải Phòng", "province")]["lag_days"] is None  # its date is not in the text


def test_samples_table_says_so_and_groups_by_level(samples_dir) -> None:
    res = run("track", "--root", "33/CT-TTg", str(samples_dir), "--as-of", "2025-06-30")
    out = " ".join(res.stdout.split())
    assert res.exit_code == 0
    assert "cannot be read" in out and "Who acted, by level" in out
    assert out.index("Hải Dương") < out.index("Ba Đình") and out.index("Hải Phòng") < out.index("Ba Đình")


def test_samples_fail_on_missing_does_not_fail_when_nobody_can_be_counted(samples_dir) -> None:
    res = run("track", "--root", "33/CT-TTg", str(samples_dir), "--fail-on-missing", "--format", "csv")
    assert res.exit_code == 0
    assert res.stdout.count(",acted,") == 3
