"""What rendering one template may cost: time, the size of one value, the size of the output.

An office's template is code docproc runs, on a clerk's machine or on the review desk's server.
Jinja's sandbox keeps it away from Python's internals but not from work: three nested
``{% for %}`` loops, ``'x' * 4000000000``, ``9 ** 9 ** 9`` or a macro that calls itself would hang
or exhaust memory. :class:`BoundedSandbox` checks the operators that multiply sizes before they run
and what every call returns; its templates (:class:`BoundedTemplate`) render under a deadline,
checked as the template's lines run (a trace function on the template's own frames, in the
rendering thread only), and stop when their output passes :data:`LIMITS`'s bound. Each limit
raises :class:`RenderLimitError`, which the ledger code turns into one ``TemplateError`` line.
"""

from __future__ import annotations

import functools
import math
import re
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from types import FrameType
from typing import Any

import jinja2
from jinja2.compiler import CodeGenerator, Frame
from jinja2.nodes import Concat
from jinja2.sandbox import SandboxedEnvironment


@dataclass(frozen=True)
class RenderLimits:
    seconds: float = 30.0  # a 10,000-row ledger renders in well under a second
    value_chars: int = 10_000_000  # one string or list made by the template
    output_chars: int = 100_000_000  # the whole rendered text (a .docx's XML included)
    int_bits: int = 100_000  # ``**`` on whole numbers (about 30,000 digits)


LIMITS = RenderLimits()
_LINES_BETWEEN_CLOCK_READS = 1000


class RenderLimitError(jinja2.TemplateRuntimeError):
    """The template asked for more time, or a larger value or output, than :data:`LIMITS` allows."""


def _sized(value: Any) -> int | None:
    return len(value) if isinstance(value, str | bytes | list | tuple | dict) else None


def _check_value(value: Any) -> Any:
    size = _sized(value)
    if size is not None and size > LIMITS.value_chars:
        raise RenderLimitError(f"a value of {size:,} items or characters (the limit is {LIMITS.value_chars:,})")
    return value


def _check_repeat(left: Any, right: Any) -> None:
    """``text * n``: refused before it is made when it would be too large."""
    for sequence, count in ((left, right), (right, left)):
        size = _sized(sequence)
        if size is not None and isinstance(count, int) and size * count > LIMITS.value_chars:
            raise RenderLimitError(
                f"a value of {size * count:,} items or characters (the limit is {LIMITS.value_chars:,})")


_FORMAT_NUMBER = re.compile(r"\d{6,}")


def _check_format(text: Any) -> None:
    """``'%999999999s' % x``, ``'{:>999999999}'.format(x)``: a width beyond the limit is refused."""
    if isinstance(text, str) and any(int(n) > LIMITS.value_chars for n in _FORMAT_NUMBER.findall(text)):
        raise RenderLimitError(f"a format width above {LIMITS.value_chars:,}")


def _check_arguments(args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    """``'x'.ljust(4000000000)``, ``x | center(4000000000)``: refused before the call."""
    if any(isinstance(a, int) and a > LIMITS.value_chars for a in (*args, *kwargs.values())):
        raise RenderLimitError(f"a size argument above {LIMITS.value_chars:,}")


def _bounded_filter(function: Callable[..., Any], name: str) -> Callable[..., Any]:
    @functools.wraps(function)  # keeps jinja's pass_context / pass_environment marks
    def bounded(*args: Any, **kwargs: Any) -> Any:
        _check_arguments(args, kwargs)
        if name == "format" and args:
            _check_format(args[0])
        return _check_value(function(*args, **kwargs))

    return bounded


def _check_power(base: Any, exponent: Any) -> None:
    if isinstance(base, int) and isinstance(exponent, int) and abs(base) > 1 and exponent > 0:
        bits = exponent * math.log2(abs(base))
        if bits > LIMITS.int_bits:
            raise RenderLimitError(f"a number of about {bits:,.0f} bits (the limit is {LIMITS.int_bits:,})")


class _CheckedConcat(CodeGenerator):
    """Compiles ``a ~ b`` so that its result is checked like ``a + b`` (Jinja offers no hook for it)."""

    def visit_Concat(self, node: Concat, frame: Frame) -> None:
        self.write("environment.checked_value(")
        super().visit_Concat(node, frame)
        self.write(")")


class BoundedSandbox(SandboxedEnvironment):
    """The sandbox with size checks on ``*``, ``**``, ``+``, ``%``, ``~``, filters and calls."""

    intercepted_binops = frozenset({"*", "**", "+", "%"})
    code_generator_class = _CheckedConcat
    template_class: type[jinja2.Template]

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.template_class = BoundedTemplate
        self.globals.pop("lipsum", None)  # lipsum(n) makes n paragraphs: nothing a ledger needs
        self.filters = {name: _bounded_filter(f, name) for name, f in self.filters.items()}

    def add_filter(self, name: str, function: Callable[..., Any]) -> None:
        self.filters[name] = _bounded_filter(function, name)

    @staticmethod
    def checked_value(value: Any) -> Any:
        return _check_value(value)

    def call_binop(self, context: jinja2.runtime.Context, operator: str, left: Any, right: Any) -> Any:
        if operator == "*":
            _check_repeat(left, right)
        elif operator == "**":
            _check_power(left, right)
        elif operator == "%":
            _check_format(left)
        return _check_value(super().call_binop(context, operator, left, right))

    def getattr(self, obj: Any, attribute: str) -> Any:
        if attribute in ("format", "format_map"):
            _check_format(obj)
        return super().getattr(obj, attribute)

    def call(self, __context: jinja2.runtime.Context, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        _check_arguments(args, kwargs)
        return _check_value(super().call(__context, __obj, *args, **kwargs))


class BoundedTemplate(jinja2.Template):
    """A template of :class:`BoundedSandbox`: rendered under the deadline and the output bound."""

    def render(self, *args: Any, **kwargs: Any) -> str:
        context = self.new_context(dict(*args, **kwargs))
        try:
            with render_deadline(self.environment):
                parts: list[str] = []
                size = 0
                for part in self.root_render_func(context):
                    size += len(part)
                    if size > LIMITS.output_chars:
                        raise RenderLimitError(f"the output passed {LIMITS.output_chars:,} characters")
                    parts.append(part)
                return "".join(parts)
        except Exception:
            self.environment.handle_exception()


@contextmanager
def render_deadline(environment: jinja2.Environment) -> Iterator[None]:
    """Stop the template code of ``environment`` run in this thread after ``LIMITS.seconds``.

    A trace function follows the frames of the compiled template (they hold ``environment`` as a
    global) and reads the clock every thousand template lines; other frames run untraced. The
    thread's previous trace function (a debugger's) is restored afterwards.
    """
    seconds = LIMITS.seconds
    deadline = time.monotonic() + seconds
    lines = 0

    def trace_template_lines(frame: FrameType, event: str, arg: Any) -> Any:
        nonlocal lines
        if event == "line":
            lines += 1
            if lines % _LINES_BETWEEN_CLOCK_READS == 0 and time.monotonic() > deadline:
                raise RenderLimitError(f"rendering took longer than {seconds:g} s (loops inside loops?)")
        return trace_template_lines

    def trace_calls(frame: FrameType, event: str, arg: Any) -> Any:
        if event == "call" and frame.f_globals.get("environment") is environment:
            return trace_template_lines
        return None

    previous = sys.gettrace()
    sys.settrace(trace_calls)
    try:
        yield
    finally:
        sys.settrace(previous)
