package io.stui.protocol;

import io.stui.protocol.result.ClassHierarchyResult;
import io.stui.protocol.result.ClassInfo;
import io.stui.protocol.result.ClassNode;
import io.stui.protocol.result.CommandDescription;
import io.stui.protocol.result.CommandResult;
import io.stui.protocol.result.CompileMethodResult;
import io.stui.protocol.result.CompletionCandidate;
import io.stui.protocol.result.CompletionResult;
import io.stui.protocol.result.DefineClassResult;
import io.stui.protocol.result.DescribeResult;
import io.stui.protocol.result.GetHistoryResult;
import io.stui.protocol.result.HistoryItem;
import io.stui.protocol.result.ImplementorsResult;
import io.stui.protocol.result.InterruptResult;
import io.stui.protocol.result.IsCompleteResult;
import io.stui.protocol.result.MethodReference;
import io.stui.protocol.result.ReferencesResult;
import io.stui.protocol.result.RemoveClassResult;
import io.stui.protocol.result.RemoveMethodResult;
import io.stui.protocol.result.SearchMethodsResult;
import io.stui.protocol.result.SendersResult;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One sample result of each IDE-tools command (issue #15), shared by the result tests. */
final class IdeSamples {
    private IdeSamples() {}

    /** An inspection with a page of elements: a dictionary entry (key and value) and a plain element. */
    static io.stui.protocol.result.InspectResult inspection() {
        return new io.stui.protocol.result.InspectResult(
                "o-3",
                new io.stui.protocol.result.ObjectInfo("Dictionary", "a Dictionary(#a->1 )", 12, 0),
                Map.of("tally", "1"),
                Map.of("tally", "o-4"),
                List.of(),
                null,
                List.of(
                        new io.stui.protocol.result.InspectElement(
                                1, "1", "SmallInteger", "o-6", "#a", "ByteSymbol", "o-5"),
                        new io.stui.protocol.result.InspectElement(2, "'x'", "ByteString", "o-7", null, null, null)),
                0,
                2,
                2);
    }

    static List<CommandResult> results() {
        MethodReference ref = new MethodReference("Object", "printString", false, 2);
        Map<String, Object> limits = new LinkedHashMap<>();
        limits.put("eval_timeout_ms", 5000);
        limits.put("max_message_size", 1048576);
        Map<String, Object> caps = new LinkedHashMap<>();
        caps.put("completion", true);
        caps.put("events_endpoint", null);
        return List.of(
                new io.stui.protocol.result.EvaluateResult(null, null, 3, false, "", null, true, "d1"),
                new io.stui.protocol.result.DebugResult(
                        "Suspended at a breakpoint",
                        new io.stui.protocol.result.DebugInfo(
                                2,
                                "Foo>>bar",
                                Map.of("x", "3"),
                                null,
                                "d1",
                                "suspended",
                                "breakpoint",
                                List.of(new io.stui.protocol.result.StackFrame(0, "Foo>>bar", "Foo", 2, 5, 9)),
                                null)),
                new CompletionResult(List.of(new CompletionCandidate("factorial", "selector", "Integer")), 2, 6),
                new IsCompleteResult("incomplete", "    "),
                new InterruptResult(true),
                new SendersResult(List.of(ref), 1),
                new ImplementorsResult(List.of(), 0),
                new ReferencesResult(List.of(new MethodReference("Foo class", "new", true, 1)), 7),
                new ClassHierarchyResult(
                        List.of("Magnitude", "Object"),
                        List.of(new ClassNode("Integer", List.of(new ClassNode("SmallInteger", List.of()))))),
                new SearchMethodsResult(List.of(ref), 1),
                new CompileMethodResult("foo:", "Foo", false),
                new DefineClassResult(new ClassInfo("Foo", "Object", null, "Demo", false)),
                new RemoveMethodResult(true),
                new RemoveClassResult(false),
                new GetHistoryResult(
                        List.of(new HistoryItem("3 + 4", "7", true, Instant.parse("2026-12-05T06:00:00.123Z"))), 1),
                new io.stui.protocol.result.SetVariableResult("7", inspection()),
                new io.stui.protocol.result.EvaluateResult(
                        "a Dictionary(#a->1 )", "Dictionary", 1, false, "", "o-3", null, null, inspection()),
                new DescribeResult(
                        "0.1.0",
                        "1.0.0",
                        List.of("command", "envelope"),
                        List.of(new CommandDescription("ping", "Ping", List.of("message"))),
                        limits,
                        caps));
    }
}
