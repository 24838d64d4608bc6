"""``danvan track`` on a generated corpus whose answer is known (tests/support/track_corpus.py):
the texts go through the real parser; track must give exactly the truth written into them."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from support.track_corpus import PLAN_DEADLINE, ROOT_DATE, ROOT_NUMBER, TrackCorpus, generate_track_corpus

from danvan_cli.cli import main
from danvan_cli.corpus.scan import parse_paths
from danvan_cli.graph import build_graph, find_roots
from danvan_cli.extract import admin_units as au
from danvan_cli.track.report import CITED, HAS, NONE, root_document, track

AS_OF = date(2023, 1, 15)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[TrackCorpus, Path, list]:
    truth = generate_track_corpus()
    folder = truth.write(tmp_path_factory.mktemp("track"))
    docs = parse_paths([str(folder)]).documents
    return truth, folder, docs


@pytest.fixture(scope="module")
def report(corpus):
    _truth, _folder, docs = corpus
    g = build_graph(docs)
    (root,) = find_roots(g, ROOT_NUMBER)
    return track(g, root, root_document(g, root, docs), as_of=AS_OF)


def rows_by_name(report) -> dict:
    return {r.unit.target.name: r for r in report.rows}


def test_the_expected_units_are_the_63_provinces_and_bo_noi_vu(report) -> None:
    names = set(rows_by_name(report))
    assert names == {f"UBND {p.display}" for p in au.provinces(au.LEGACY)} | {"Bộ Nội vụ"}
    hn = rows_by_name(report)["UBND thành phố Hà Nội"]
    assert {o.role for o in hn.unit.origins} == {"lead", "deadline", "recipient"}
    assert any("63 ×" in o.note for o in hn.unit.origins)


def test_each_acting_province_has_its_plan_with_its_lag(corpus, report) -> None:
    truth, _, _ = corpus
    rows = rows_by_name(report)
    for u in truth.acting:
        row = rows[u.name]
        assert row.status == HAS and row.has_plan
        assert row.primary.attrs["date"] == u.plan.isoformat()
        assert row.primary.lag_days == u.lag == (u.plan - ROOT_DATE).days
        assert row.primary.relation == "implements" and row.primary.how == "directly"


def test_units_with_nothing_say_no_document_in_this_corpus(corpus, report) -> None:
    truth, _, _ = corpus
    rows = rows_by_name(report)
    missing = {r.unit.target.name for r in report.rows if r.status == NONE}
    assert missing == {u.name for u in truth.missing}
    assert len(missing) == 63 - len(truth.acting)
    assert all(rows[n].documents == [] for n in missing)


def test_the_plan_deadline_is_met_late_or_overdue_per_unit(corpus, report) -> None:
    truth, _, _ = corpus
    rows = rows_by_name(report)
    for u in truth.provinces:
        (plan_due,) = [d for d in rows[u.name].dues if d.day == PLAN_DEADLINE]
        if u.plan is None:
            assert plan_due.status == "overdue" and plan_due.answer is None
        elif u.plan_on_time:
            assert plan_due.status == "met" and plan_due.answer.attrs["date"] == u.plan.isoformat()
        else:
            assert plan_due.status == "late" and plan_due.days_late == (u.plan - PLAN_DEADLINE).days


def test_yearly_reports_meet_or_miss_the_30_november_deadline(corpus, report) -> None:
    truth, _, _ = corpus
    rows = rows_by_name(report)
    nov = date(2022, 11, 30)
    for u in truth.provinces:
        dues = {d.day: d for d in rows[u.name].dues}
        assert set(dues) == {PLAN_DEADLINE, nov, date(2023, 11, 30)}  # past ones and the next
        assert dues[date(2023, 11, 30)].status == "upcoming"
        got = dues[nov]
        if u.report is None:
            assert got.status == "overdue"
        elif u.report <= nov:
            assert got.status == "met" and got.answer.report and got.answer.attrs["date"] == u.report.isoformat()
        else:
            assert got.status == "late" and got.days_late == (u.report - nov).days
    s = report.summary()
    assert s["met"] == sum(1 for u in truth.acting if u.plan_on_time) + sum(1 for u in truth.acting if u.report and u.report <= nov)
    assert s["overdue"] == 2 * len(truth.missing) + sum(1 for u in truth.acting if u.report is None)


def test_districts_under_a_province_plan_come_through_the_intermediate_level(corpus, report) -> None:
    truth, _, _ = corpus
    (first,) = [u for u in truth.acting if u.districts]
    row = rows_by_name(report)[first.name]
    below = {b.attrs["issuer"]: b for b in row.below}
    assert set(below) == {name for name, _ in first.districts}
    for name, day in first.districts:
        b = below[name]
        assert b.depth == 2 and b.how == "through an intermediate document"
        assert b.chain[-1].target == report.root and b.lag_days == (day - ROOT_DATE).days
    assert all(b.attrs["issuer"] not in {a.attrs["issuer"] for a in report.unasked} for b in row.below)


def test_a_party_committee_acting_untold_is_listed_apart(corpus, report) -> None:
    truth, _, _ = corpus
    assert [a.attrs["issuer"] for a in report.unasked] == truth.unasked
    assert report.summary()["unasked"] == 1


def test_the_ministry_told_by_name_has_its_plan(corpus, report) -> None:
    truth, _, _ = corpus
    row = rows_by_name(report)["Bộ Nội vụ"]
    assert row.status == HAS and row.primary.attrs["date"] == truth.ministry_plan.isoformat()
    assert row.dues == []  # the deadlines are addressed to the provinces


def test_summary_counts_and_median_lag(corpus, report) -> None:
    truth, _, _ = corpus
    s = report.summary()
    lags = sorted([u.lag for u in truth.acting] + [(truth.ministry_plan - ROOT_DATE).days])
    assert s["units"] == 64 and s["with_document"] == len(truth.acting) + 1 == s["with_plan"]
    assert s["no_document"] == len(truth.missing)
    mid = len(lags) // 2
    assert s["median_lag_days"] == (lags[mid] if len(lags) % 2 else (lags[mid - 1] + lags[mid]) / 2)


def test_a_second_hand_link_ties_districts_to_the_root_through_a_plan_not_in_the_corpus(corpus) -> None:
    """The refs stage records "Kế hoạch X ... về thực hiện Chỉ thị Y" read in a district plan as an edge
    X → Y with ``via``; here that edge is built by hand, the province's own plan left out of the corpus."""
    truth, _, docs = corpus
    (first,) = [u for u in truth.acting if u.districts]
    kept = [d for d in docs if not (d.issuer and d.issuer.name == first.name)]
    g = build_graph(kept)
    (root,) = find_roots(g, ROOT_NUMBER)
    district_nodes = [n for n, a in g.nodes(data=True) if a.get("issuer") in {name for name, _ in first.districts}]
    (stub,) = {v for n in district_nodes for v in g.successors(n)}
    assert not g.nodes[stub]["in_corpus"]
    g.add_edge(stub, root, relation="implements", via=g.nodes[district_nodes[0]]["source"],
               evidence="Kế hoạch ... về thực hiện Chỉ thị số 45/CT-TTg")
    rep = track(g, root, root_document(g, root, kept), as_of=AS_OF)
    row = rows_by_name(rep)[first.name]
    assert row.status == CITED and row.documents == [] and [a.node for a in row.cited] == [stub]
    assert {b.attrs["issuer"] for b in row.below} == {name for name, _ in first.districts}
    assert all(b.how == "second-hand" and b.second_hand for b in row.below)
    assert row.below[0].chain[-1].via == g.nodes[district_nodes[0]]["source"]


def test_documents_dated_after_the_as_of_day_answer_nothing(corpus) -> None:
    _, _, docs = corpus
    g = build_graph(docs)
    (root,) = find_roots(g, ROOT_NUMBER)
    early = track(g, root, root_document(g, root, docs), as_of=date(2022, 4, 1))
    assert all(d.status != "met" or d.answer.day <= date(2022, 4, 1) for r in early.rows for d in r.dues)
    assert early.summary()["due"] == 0 and any(d.status == "upcoming" for r in early.rows for d in r.dues)


# --------------------------------------------------------------------------- the command


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_cli_json_carries_the_rows_and_exits_0(corpus) -> None:
    truth, folder, _ = corpus
    res = run("track", "--root", "45/ct-ttg", str(folder), "--as-of", AS_OF.isoformat(), "--format", "json")
    assert res.exit_code == 0
    data = json.loads(res.stdout)
    assert data["schema"] == "danvan.track/1" and data["expected_readable"] is True
    by = {u["unit"]: u for u in data["units"]}
    u = truth.acting[0]
    assert by[u.name]["status"] == "has_document" and by[u.name]["lag_days"] == u.lag
    assert by[truth.missing[0].name]["status"] == "no_document"
    assert [a["issuer"] for a in data["unasked"]] == truth.unasked


def test_cli_fail_on_missing_exits_3(corpus) -> None:
    truth, folder, _ = corpus
    res = run("track", "--root", ROOT_NUMBER, str(folder), "--as-of", AS_OF.isoformat(), "--fail-on-missing",
              "--format", "csv")
    assert res.exit_code == 3
    rows = list(csv.DictReader(io.StringIO(res.stdout)))
    assert sum(1 for r in rows if r["status"] == "no_document") == 56
    assert [r["unit"] for r in rows if r["status"] == "unasked"] == truth.unasked


def test_cli_table_names_units_and_summary(corpus) -> None:
    truth, folder, _ = corpus
    res = run("track", "--root", ROOT_NUMBER, str(folder), "--as-of", AS_OF.isoformat())
    assert res.exit_code == 0
    assert truth.acting[0].name.split()[-1] in res.stdout
    assert "64 units told to act" in res.stdout and "acted without being told" in res.stdout.replace("\n", " ")


def test_cli_unknown_root_exits_1_with_one_line(corpus) -> None:
    _, folder, _ = corpus
    res = CliRunner().invoke(main, ["track", "--root", "99/CT-TTg", str(folder)])
    assert res.exit_code == 1 and "no document numbered 99/CT-TTg" in res.stderr


def test_a_province_plan_tracked_as_root_expects_its_districts_of_the_day(corpus) -> None:
    truth, folder, docs = corpus
    (first,) = [u for u in truth.acting if u.districts]
    g = build_graph(docs)
    (node,) = [n for n, a in g.nodes(data=True) if a.get("in_corpus") and a.get("issuer") == first.name
               and a.get("doc_type") == "Kế hoạch"]
    rep = track(g, node, root_document(g, node, docs), as_of=AS_OF)
    rows = rows_by_name(rep)
    districts = {f"UBND {d.display}" for d in au.subunits(first.province, au.DISTRICT)}
    assert districts <= set(rows) and f"Sở Nội vụ {first.province.display}" in rows
    acted = {name for name, _ in first.districts}
    assert {n for n in districts if rows[n].status == HAS} == acted
    assert all(rows[n].status == NONE for n in districts - acted)
    res = run("track", "--root", g.nodes[node]["number"], "--issuer", first.province.name, "--year", "2022",
              str(folder), "--as-of", AS_OF.isoformat(), "--format", "json")
    assert res.exit_code == 0 and json.loads(res.stdout)["territory"] == first.province.display
