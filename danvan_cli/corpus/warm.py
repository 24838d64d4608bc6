"""Imported by the worker processes' forkserver: builds the parser's lazy tables once.

Why: the parser compiles its patterns and loads its reference data (administrative units,
lexicons) on first use. Workers are forked from the forkserver, so what it has built they
have from their first file, instead of each paying for it again (a second or more on a busy
machine, for every batch and every replaced worker). Importing this module parses one short
document that touches each stage: header, citations, relations, tasks, deadlines.
"""

from __future__ import annotations

import gc

from ..pipeline import parse_text

#: A short document in the usual shape (also what tests build their repeated shapes from).
WARM_UP = """ỦY BAN NHÂN DÂN
TỈNH HẢI DƯƠNG
Số: 12/KH-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Hải Dương, ngày 05 tháng 3 năm 2022
KẾ HOẠCH
Triển khai thực hiện Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ
Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;
Thực hiện Chỉ thị số 33/CT-TTg, UBND tỉnh ban hành Kế hoạch như sau:
I. NHIỆM VỤ
1. Sở Nội vụ chủ trì, phối hợp với các sở, ngành báo cáo kết quả trước ngày 15/12/2022.
2. UBND các huyện tổ chức bầu cử; trước ngày bầu cử 70 ngày công bố danh sách; ngày bầu cử là ngày 23 tháng 5 năm 2021.
3. Các sở, ban, ngành báo cáo định kỳ trước ngày 30/11 hàng năm.
Nơi nhận:
- Như trên;
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Nguyễn Văn A
"""

parse_text(WARM_UP, "warm-up")

# What is built now lives as long as the workers: out of the cyclic collector's sight
# (Python's advice for a process that forks workers). A worker's collections then walk only
# what its own documents made, not the tables and patterns every worker shares (~8 % of a
# worker's CPU on generated plans, farm-bench A/B), and do not write to the pages those
# objects share with the forkserver (copy-on-write keeps them shared).
gc.freeze()
