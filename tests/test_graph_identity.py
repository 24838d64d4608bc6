"""Document identity in the corpus graph, on hand-built documents (no parser needed)."""

from __future__ import annotations

from danvan_cli.graph import build_graph, find_roots, traverse
from danvan_cli.graph.identity import number_key, party_term, place_key
from danvan_cli.model import Document, Issuer, Mention, Reference


def ref(number: str, date: str | None, issuer: str | None, level: str | None, place: str | None,
        relation: str = "implements", province: str | None = None, doc_type: str | None = None) -> Reference:
    r = Reference(number=number, date=date, relation=relation, doc_type=doc_type,
                  issuer=Issuer(issuer, level, place=place, province=province) if issuer else None)
    r.mentions.append(Mention(0, len(number), number, f"Thực hiện {number} ...", relation))
    return r


def doc(source: str, number: str | None, date: str | None, issuer: str, level: str, place: str,
        province: str | None = None, refs: list[Reference] | None = None, doc_type: str = "Kế hoạch") -> Document:
    return Document(source=source, number=number, date=date, doc_type=doc_type,
                    issuer=Issuer(issuer, level, place=place, province=province or place), references=refs or [])


def test_same_number_of_two_issuers_makes_two_nodes() -> None:
    g = build_graph([
        doc("a.txt", None, "2025-02-10", "UBND quận Ba Đình", "district", "Ba Đình", "Hà Nội",
            [ref("02/CT-UBND", "2022-01-18", "UBND thành phố Hà Nội", "province", "Hà Nội")]),
        doc("b.txt", "02/CT-UBND", "2018-04-05", "UBND huyện Phú Giáo", "district", "Phú Giáo", "Bình Dương",
            doc_type="Chỉ thị"),
    ])
    nodes = [n for n, a in g.nodes(data=True) if a.get("number") == "02/CT-UBND"]
    assert len(nodes) == 2
    assert {g.nodes[n]["in_corpus"] for n in nodes} == {True, False}


def test_same_issuer_same_number_in_two_years_makes_two_nodes() -> None:
    g = build_graph([
        doc("h22.txt", "5/KH-UBND", "2022-03-01", "UBND huyện Gia Lộc", "district", "Gia Lộc", "Hải Dương",
            [ref("12/KH-UBND", "2022-02-01", "UBND tỉnh Hải Dương", "province", "Hải Dương")]),
        doc("h23.txt", "6/KH-UBND", "2023-03-01", "UBND huyện Gia Lộc", "district", "Gia Lộc", "Hải Dương",
            [ref("12/KH-UBND", "2023-02-01", "UBND tỉnh Hải Dương", "province", "Hải Dương")]),
    ])
    targets = sorted(v for _u, v in g.edges())
    assert targets == ["12/KH-UBND · Hải Dương · 2022", "12/KH-UBND · Hải Dương · 2023"]


def test_party_numbers_of_two_committees_stay_apart_and_one_term_merges_dates() -> None:
    g = build_graph([
        doc("hp.txt", None, None, "UBND thành phố Hải Phòng", "province", "Hải Phòng", refs=[
            ref("07-CT/TU", "2021-09-08", "Ban Thường vụ Thành ủy Hải Phòng", "party-province", "Hải Phòng", "directs")]),
        doc("hn.txt", None, "2025-02", "UBND quận Ba Đình", "district", "Ba Đình", "Hà Nội", refs=[
            ref("07-CT/TU", "2021-10-01", "Ban Thường vụ Thành ủy Hà Nội", "party-province", "Hà Nội", "directs")]),
        doc("hn2.txt", None, "2022-05-01", "UBND quận Hoàn Kiếm", "district", "Hoàn Kiếm", "Hà Nội", refs=[
            ref("07-CT/TU", "2022-10-01", "Thành ủy Hà Nội", "party-province", "Hà Nội", "directs")]),
    ])
    nodes = sorted(n for n, a in g.nodes(data=True) if a.get("number") == "07-CT/TU")
    assert len(nodes) == 2
    hanoi = next(n for n in nodes if "Hà Nội" in n)
    # one committee term, two dates: one document, and the conflict is flagged on it
    assert "dated-differently" in g.nodes[hanoi]["warning_codes"]
    assert any(w.startswith("dated differently") for w in g.nodes[hanoi]["warnings"])


def test_citation_with_no_issuer_joins_the_only_document_it_can_mean() -> None:
    g = build_graph([
        doc("huyen.txt", "12/KH-UBND", "2022-04-15", "UBND huyện Trà Cú", "district", "Trà Cú", "Trà Vinh"),
        doc("other.txt", "12/KH-UBND", "2021-04-15", "UBND huyện Cầu Kè", "district", "Cầu Kè", "Trà Vinh"),
        doc("xa.txt", "3/KH-UBND", "2022-05-02", "UBND xã Đại An", "commune", "Đại An", "Trà Vinh",
            [ref("12/KH-UBND", "2022-04-15", "UBND huyện", None, None)]),
    ])
    (target,) = list(g.successors(next(n for n, a in g.nodes(data=True) if a.get("source") == "xa.txt")))
    assert g.nodes[target]["source"] == "huyen.txt"


def test_citation_fitting_several_documents_stays_apart_with_a_warning() -> None:
    g = build_graph([
        doc("a.txt", "12/KH-UBND", "2022-04-15", "UBND huyện Trà Cú", "district", "Trà Cú", "Trà Vinh"),
        doc("b.txt", "12/KH-UBND", "2022-06-01", "UBND huyện Gia Lộc", "district", "Gia Lộc", "Hải Dương"),
        doc("c.txt", "1/KH-UBND", "2022-07-01", "UBND xã X", "commune", "X", None,
            [ref("12/KH-UBND", None, None, None, None)]),
    ])
    stub = [n for n, a in g.nodes(data=True) if a.get("number") == "12/KH-UBND" and not a["in_corpus"]]
    assert len(stub) == 1
    assert any("could be" in w for w in g.nodes[stub[0]]["warnings"])
    assert g.graph["warnings"]


def test_parsed_file_and_its_citations_meet_in_one_node() -> None:
    g = build_graph([
        doc("tinh.txt", "12/KH-UBND", "2022-02-01", "UBND tỉnh Hải Dương", "province", "Hải Dương"),
        doc("huyen.txt", "5/KH-UBND", "2022-03-01", "UBND huyện Gia Lộc", "district", "Gia Lộc", "Hải Dương",
            [ref("12/KH-UBND", "2022-02-01", "UBND tỉnh Hải Dương", "province", "Hải Dương")]),
    ])
    node = next(n for n, a in g.nodes(data=True) if a.get("source") == "tinh.txt")
    assert g.nodes[node]["in_corpus"] and g.nodes[node]["cited_by"] == 1
    assert g.number_of_nodes() == 2


def test_parsed_file_without_issuer_is_found_by_a_citation_that_names_it() -> None:
    tinh = Document(source="tinh.txt", number="12/KH-UBND", date="2022-02-01", doc_type="Kế hoạch")
    g = build_graph([
        tinh,
        doc("huyen.txt", "5/KH-UBND", "2022-03-01", "UBND huyện Gia Lộc", "district", "Gia Lộc", "Hải Dương",
            [ref("12/KH-UBND", "2022-02-01", "UBND tỉnh Hải Dương", "province", "Hải Dương")]),
    ])
    assert g.number_of_nodes() == 2


def test_two_parsed_files_without_issuer_are_never_merged() -> None:
    g = build_graph([
        Document(source="a.txt", number="12/KH-UBND", date="2022-02-01"),
        Document(source="b.txt", number="12/KH-UBND", date="2022-02-09"),
    ])
    assert g.number_of_nodes() == 2


def test_type_conflict_is_a_node_warning() -> None:
    g = build_graph([
        doc("a.txt", None, "2022-01-01", "UBND quận Ba Đình", "district", "Ba Đình", "Hà Nội", [
            ref("124-QĐ/TW", "2018-02-02", "Ban Bí thư", "party-central", None, "cites", doc_type="Quyết định")]),
        doc("b.txt", None, "2022-01-01", "UBND thành phố Hải Phòng", "province", "Hải Phòng", refs=[
            ref("124-QĐ/TW", "2018-02-02", "Ban Bí thư", "party-central", None, "cites", doc_type="Quy định")]),
    ])
    node = next(n for n, a in g.nodes(data=True) if a.get("number") == "124-QĐ/TW")
    assert "named-as-different-types" in g.nodes[node]["warning_codes"]


def test_number_key_ignores_case_spaces_and_leading_zeros() -> None:
    assert number_key("02/CT-UBND") == number_key("2/ct-ubnd")
    assert number_key("27/CT-TTG") == number_key("27/CT-TTg")


def test_place_key_drops_unit_words() -> None:
    assert place_key("Thành phố Hà Nội") == place_key("hà nội") == place_key("Hà Nội (cũ)")


def test_party_term_starts_with_the_congress() -> None:
    assert party_term("2021-09-08", "province") == "2020-2025"
    assert party_term("2020-03-01", "province") == "2015-2020"
    assert party_term("2021-07-30", "central") == "2021-2026"


def test_root_lookup_accepts_numbers_as_typed_and_narrows_by_year_and_issuer() -> None:
    g = build_graph([
        doc("a.txt", None, "2025-02-10", "UBND quận Ba Đình", "district", "Ba Đình", "Hà Nội",
            [ref("02/CT-UBND", "2022-01-18", "UBND thành phố Hà Nội", "province", "Hà Nội")]),
        doc("b.txt", "02/CT-UBND", "2018-04-05", "UBND huyện Phú Giáo", "district", "Phú Giáo", "Bình Dương"),
    ])
    assert len(find_roots(g, "02 /ct-ubnd")) == 2
    assert find_roots(g, "02/CT-UBND", year=2018) == ["02/CT-UBND · Phú Giáo · 2018"]
    assert find_roots(g, "02/CT-UBND", issuer="ha noi") == ["02/CT-UBND · Hà Nội · 2022"]


def test_traversal_down_follows_chosen_relations_and_depth() -> None:
    g = build_graph([
        doc("tinh.txt", "12/KH-UBND", "2022-02-01", "UBND tỉnh Hải Dương", "province", "Hải Dương",
            refs=[ref("33/CT-TTg", "2021-11-26", "Thủ tướng Chính phủ", "central", None)]),
        doc("huyen.txt", "5/KH-UBND", "2022-03-01", "UBND huyện Gia Lộc", "district", "Gia Lộc", "Hải Dương",
            [ref("12/KH-UBND", "2022-02-01", "UBND tỉnh Hải Dương", "province", "Hải Dương")]),
        doc("tin.txt", "9/BC-UBND", "2022-03-01", "UBND huyện Cẩm Giàng", "district", "Cẩm Giàng", "Hải Dương",
            [ref("33/CT-TTg", "2021-11-26", "Thủ tướng Chính phủ", "central", None, "cites")]),
    ])
    (root,) = find_roots(g, "33/CT-TTg")
    down = traverse(g, root)
    assert {a.get("source") for _n, a in down.nodes(data=True)} == {None, "tinh.txt", "huyen.txt"}
    assert {a.get("source") for _n, a in traverse(g, root, depth=1).nodes(data=True)} == {None, "tinh.txt"}
    every = traverse(g, root, relations=["implements", "cites"])
    assert "tin.txt" in {a.get("source") for _n, a in every.nodes(data=True)}
    up = traverse(g, next(n for n, a in g.nodes(data=True) if a.get("source") == "huyen.txt"), direction="up")
    assert root in up


def test_a_number_shared_by_many_documents_is_resolved_by_index_not_by_scan() -> None:
    # Every commune writes a "12/KH-UBND": citations of it without issuer or date are asked of
    # thousands of documents. The answer is the same as a scan's; the ambiguity warning names a
    # few candidates and counts the rest instead of listing thousands.
    from danvan_cli.graph.build import build_graph
    from danvan_cli.model import Document, Issuer, Mention, Reference

    docs = []
    for i in range(300):
        d = Document(source=f"d{i}.txt", doc_type="Kế hoạch", number="12/KH-UBND", date="2024-03-01",
                     issuer=Issuer(f"UBND xã X{i}", "commune", place=f"X{i}", province="Quảng Ninh"))
        d.references = [Reference(number="12/KH-UBND", doc_type="Kế hoạch", mentions=[Mention(0, 1, "x", "s")])]
        docs.append(d)
    g = build_graph(docs)
    in_corpus = [n for n, a in g.nodes(data=True) if a.get("in_corpus")]
    assert len(in_corpus) == 300
    warnings = [w for w in g.graph["warnings"] if "without enough to tell" in str(w)] or [
        w for n, a in g.nodes(data=True) for w in a.get("warnings") or [] if "without enough to tell" in w]
    assert warnings and all("more" in str(w) for w in warnings)


def _province_plans() -> list[Document]:
    """Two provinces' plans sharing a number in one year, on different days."""
    return [
        doc("vh.txt", "32/KH-UBND", "2022-03-16", "UBND tỉnh Vĩnh Hà", "province", "Vĩnh Hà"),
        doc("tl.txt", "32/KH-UBND", "2022-02-01", "UBND tỉnh Tân Lâm", "province", "Tân Lâm"),
    ]


def test_citation_naming_the_place_cut_short_joins_the_plan_of_that_number_and_day() -> None:
    g = build_graph([*_province_plans(),
                     doc("h.txt", "5/KH-UBND", "2022-04-01", "UBND huyện Long Khê", "district", "Long Khê",
                         refs=[ref("32/KH-UBND", "2022-03-16", "UBND tỉnh Vĩnh", "province", "Vĩnh")])])
    (target,) = g.successors("5/KH-UBND · Long Khê · 2022")
    assert target == "32/KH-UBND · Vĩnh Hà · 2022"


def test_citation_naming_a_shorter_place_on_another_day_stays_apart() -> None:
    g = build_graph([*_province_plans(),
                     doc("h.txt", "5/KH-UBND", "2022-04-01", "UBND huyện Long Khê", "district", "Long Khê",
                         refs=[ref("32/KH-UBND", "2022-03-20", "UBND tỉnh Vĩnh", "province", "Vĩnh")])])
    (target,) = g.successors("5/KH-UBND · Long Khê · 2022")
    assert not g.nodes[target]["in_corpus"]


def test_a_shorter_place_that_begins_two_plans_names_neither() -> None:
    plans = [doc("vh.txt", "32/KH-UBND", "2022-03-16", "UBND tỉnh Vĩnh Hà", "province", "Vĩnh Hà"),
             doc("vc.txt", "32/KH-UBND", "2022-03-16", "UBND tỉnh Vĩnh Châu", "province", "Vĩnh Châu")]
    g = build_graph([*plans, doc("h.txt", "5/KH-UBND", "2022-04-01", "UBND huyện Long Khê", "district", "Long Khê",
                                 refs=[ref("32/KH-UBND", "2022-03-16", "UBND tỉnh Vĩnh", "province", "Vĩnh")])])
    (target,) = g.successors("5/KH-UBND · Long Khê · 2022")
    assert not g.nodes[target]["in_corpus"]


def test_relative_citation_prefers_the_parsed_plan_of_its_day_over_a_misnamed_citation_of_it() -> None:
    # One district cites the plan under a damaged name (a stub of that day); another cites
    # it as "UBND tỉnh" with the same date: the parsed plan of that day is the one meant.
    g = build_graph([*_province_plans(),
                     doc("a.txt", "5/KH-UBND", "2022-04-01", "UBND huyện Long Khê", "district", "Long Khê",
                         refs=[ref("32/KH-UBND", "2022-03-16", "UBND tỉnh Hà", "province", "Hà")]),
                     doc("b.txt", "9/KH-UBND", "2022-04-02", "UBND huyện Phú Điền", "district", "Phú Điền",
                         refs=[ref("32/KH-UBND", "2022-03-16", "UBND tỉnh", "province", None)])])
    (target,) = g.successors("9/KH-UBND · Phú Điền · 2022")
    assert target == "32/KH-UBND · Vĩnh Hà · 2022"


def test_relative_citation_with_a_day_no_parsed_plan_has_stays_apart() -> None:
    g = build_graph([*_province_plans(),
                     doc("b.txt", "9/KH-UBND", "2022-04-02", "UBND huyện Phú Điền", "district", "Phú Điền",
                         refs=[ref("32/KH-UBND", "2022-03-18", "UBND tỉnh", "province", None)])])
    (target,) = g.successors("9/KH-UBND · Phú Điền · 2022")
    assert not g.nodes[target]["in_corpus"]


def test_city_name_cut_short_at_a_known_district_still_joins_its_plan() -> None:
    # "UBND thành phố Lạc Sơn Thượng" read as the district "Lạc Sơn": another tier, same plan.
    g = build_graph([doc("ls.txt", "39/KH-UBND", "2022-01-22", "UBND thành phố Lạc Sơn Thượng", "province",
                         "Lạc Sơn Thượng"),
                     doc("h.txt", "5/KH-UBND", "2022-04-01", "UBND huyện Long Khê", "district", "Long Khê",
                         refs=[ref("39/KH-UBND", "2022-01-22", "UBND thành phố Lạc Sơn", "district", "Lạc Sơn")])])
    (target,) = g.successors("5/KH-UBND · Long Khê · 2022")
    assert target == "39/KH-UBND · Lạc Sơn Thượng · 2022"
