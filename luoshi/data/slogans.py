"""What makes a phrase a numbered slogan (百千万工程, “1+1+9”, 三清三拆三整治, 五个一).

Documents coin shorthand by counting: “四个意识”, “1+1+9”, “双区”. A quoted
phrase of at most ``MAX_QUOTED`` characters with one of ``NUMERAL_CHARS``
in it is a slogan, unless it is a plan period (“十四五”). A name word from
``NAME_SUFFIXES`` right after the closing quote, within ``MAX_EXTENSION``
characters, belongs to the slogan (“九九”融湾行动, “1+1+9”工作部署).
Unquoted, two shapes are slogans too: a numeral repeated before short words
(三清三拆三整治) and a run of 十/百/千/万 before a name word (百千万工程).
"""
from __future__ import annotations

NUMERAL_CHARS = "0123456789一二三四五六七八九十百千万亿两双+N"
MAX_QUOTED = 12
MAX_EXTENSION = 6
NAME_SUFFIXES: tuple[str, ...] = (
    "工程", "行动", "计划", "战略", "工作部署", "部署", "体系", "集群", "布局", "格局", "机制", "模式",
    "工作法", "行动计划", "专项行动", "攻坚战", "示范区", "示范带",
)
# Quoted numbers that are periods, not slogans: “十四五”, “八五”普法 stays (it is a campaign).
PERIOD_RE = r"十[一二三四五六七八九]五|[一二三四五六七八九]五"
