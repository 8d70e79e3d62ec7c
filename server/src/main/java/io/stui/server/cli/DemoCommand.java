package io.stui.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stui.protocol.Command;
import io.stui.protocol.StuiException;
import io.stui.protocol.client.ClientOptions;
import io.stui.protocol.client.StuiClient;
import io.stui.server.StuiServer;
import io.stui.server.config.ConfigLoader;
import io.stui.server.config.ServerConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * {@code stui demo}: starts a server in this process on a free loopback port with a temporary
 * store, then runs a scripted session against it over real ZeroMQ with {@link StuiClient}, printing
 * each request and answer. Exits 0 when every exchange did what it should, 1 otherwise.
 */
@picocli.CommandLine.Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = "Start a server in-process and run a scripted session against it, printing each exchange.")
final class DemoCommand implements Callable<Integer> {

    /** Made when the demo runs: picocli loads this class for every command, `stui serve` included. */
    private static final class Mappers {
        static final ObjectMapper JSON = new ObjectMapper();
        static final ObjectWriter PRETTY = JSON.writerWithDefaultPrettyPrinter();
    }

    @picocli.CommandLine.Option(
            names = "--encoding",
            defaultValue = "command",
            description = "Request encoding: command or envelope (default ${DEFAULT-VALUE}).")
    io.stui.protocol.Encoding encoding;

    private final PrintStream out = System.out;
    private int failures;

    @Override
    public Integer call() throws Exception {
        if (System.getenv("STUI_LOG_LEVEL") == null) {
            // keep the printed exchanges readable: only warnings from the in-process server
            ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                    .setLevel(ch.qos.logback.classic.Level.WARN);
        }
        Path dir = Files.createTempDirectory("stui-demo");
        ServerConfig cfg = ConfigLoader.load(
                Map.of(),
                Map.of(
                        "endpoint", "tcp://127.0.0.1:*",
                        "store", dir.resolve("demo.db").toString(),
                        "workers", "2"));
        try (StuiServer server = StuiServer.start(cfg)) {
            out.println("# STUI demo: server " + StuiServer.VERSION + " on " + server.endpoint() + ", store "
                    + cfg.image().storePath());
            ClientOptionsMixin opts = new ClientOptionsMixin();
            opts.endpoint = server.endpoint();
            // a lost first message (seen on the JeroMQ backend) costs one retry of the opening ping
            opts.timeoutMs = 5_000;
            opts.tries = 3;
            opts.encoding = encoding;
            ClientOptions options = opts.options();
            try (StuiClient client = StuiClient.connect(options)) {
                script(client);
            }
        } finally {
            deleteTree(dir);
        }
        out.println();
        out.println(
                failures == 0
                        ? "# demo finished: every exchange succeeded"
                        : "# demo finished with " + failures + " failed exchange(s)");
        return failures == 0 ? 0 : 1;
    }

    private void script(StuiClient c) {
        exchange(
                c,
                "Is the server there?",
                Command.PING,
                params("message", "hello"),
                r -> r.path("message").asText().equals("hello"));
        JsonNode session = exchange(
                c,
                "Open a session",
                Command.CREATE_SESSION,
                params("client_id", "demo"),
                r -> r.path("session_id").asText().length() >= 32);
        if (session == null) {
            return;
        }
        String sid = session.path("session_id").asText();
        exchange(
                c,
                "Define a class in the session",
                Command.EVALUATE,
                params(
                        "session_id",
                        sid,
                        "code",
                        "Object subclass: #Account instanceVariableNames: 'owner balance' classVariableNames: '' package: 'Demo'"),
                r -> r.path("result").asText().equals("Account"));
        exchange(
                c,
                "Give it methods",
                Command.EVALUATE,
                params("session_id", sid, "code", """
                Account compile: 'initialize
                	balance := 0'.
                Account compile: 'owner: aString
                	owner := aString'.
                Account compile: 'balance
                	"Answer the current balance."
                	^ balance'.
                Account compile: 'deposit: amount
                	"Add amount to the balance; refuse non-positive amounts."
                	amount <= 0 ifTrue: [^ self error: ''deposit must be positive''].
                	balance := balance + amount'.
                Account compile: 'withdraw: amount
                	amount > balance ifTrue: [^ self error: ''insufficient funds''].
                	balance := balance - amount'.
                Account selectors size"""),
                r -> r.path("result").asText().equals("5"));
        exchange(
                c,
                "Create an account held in a workspace variable",
                Command.EVALUATE,
                params(
                        "session_id",
                        sid,
                        "code",
                        "acct := Account new owner: 'Ada'; yourself. acct deposit: 100. acct withdraw: 30. acct balance"),
                r -> r.path("result").asText().equals("70"));
        exchange(
                c,
                "Build on the variable from the previous evaluation",
                Command.EVALUATE,
                params(
                        "session_id",
                        sid,
                        "code",
                        "Transcript show: 'interest for ', acct balance printString; cr. acct deposit: acct balance // 10. acct balance"),
                r -> r.path("result").asText().equals("77")
                        && r.path("transcript").asText().contains("interest for 70"));
        exchange(
                c,
                "A Smalltalk error comes back as EvaluationError",
                Command.EVALUATE,
                params("session_id", sid, "code", "acct withdraw: 1000"),
                null);
        JsonNode inspected = exchange(
                c,
                "Inspect the account",
                Command.INSPECT,
                params("session_id", sid, "target", "acct"),
                r -> r.path("object_info").path("class_name").asText().equals("Account")
                        && r.path("instance_vars").path("balance").asText().equals("77"));
        if (inspected != null) {
            String ownerId = inspected.path("instance_var_ids").path("owner").asText();
            exchange(
                    c,
                    "Drill down into its owner by object id",
                    Command.INSPECT,
                    params("session_id", sid, "object_id", ownerId),
                    r -> r.path("object_info").path("class_name").asText().equals("ByteString")
                            || r.path("object_info")
                                    .path("string_representation")
                                    .asText()
                                    .contains("Ada"));
        }
        exchange(
                c,
                "Read back the source of a method defined in this session",
                Command.GET_METHOD,
                params("session_id", sid, "class_name", "Account", "method_name", "deposit:"),
                r -> r.path("method").path("source").asText().contains("balance := balance + amount")
                        && r.path("method").path("arguments").toString().contains("amount"));
        exchange(
                c,
                "Browse the session's class",
                Command.BROWSE_CLASS,
                params(
                        "session_id",
                        sid,
                        "class_name",
                        "Account",
                        "include_methods",
                        true,
                        "include_instance_vars",
                        true),
                r -> r.path("class_info").path("superclass").asText().equals("Object")
                        && r.path("instance_vars").toString().contains("balance")
                        && r.path("instance_methods").size() == 5);
        exchange(
                c,
                "Browse a kernel class (class queries see the shared kernel)",
                Command.BROWSE_CLASS,
                params("class_name", "Association", "include_methods", true),
                r -> r.path("class_info").path("name").asText().equals("Association")
                        && r.path("instance_methods").size() > 0);
        exchange(
                c,
                "Read one kernel method's source",
                Command.GET_METHOD,
                params("class_name", "Integer", "method_name", "factorial"),
                r -> r.path("method").path("source").asText().contains("factorial"));
        exchange(
                c,
                "Save the session's context durably",
                Command.SAVE_CONTEXT,
                params("session_id", sid),
                r -> r.path("variables").toString().contains("acct"));
        exchange(
                c,
                "Summarise the context",
                Command.GET_CONTEXT_SUMMARY,
                params("session_id", sid),
                r -> r.path("variables").size() >= 1 && r.path("history_size").asInt() >= 4);
        imageScript(c);
        exchange(
                c,
                "Close the session",
                Command.CLOSE_SESSION,
                params("session_id", sid),
                r -> r.path("closed").asBoolean());
    }

    /** The default image: a small Tonel package loaded by contents, its tests run there, its class used. */
    private void imageScript(StuiClient c) {
        com.fasterxml.jackson.databind.node.ArrayNode files = Mappers.JSON.createArrayNode();
        for (String name : java.util.List.of("package.st", "Counter.class.st", "CounterTest.class.st")) {
            try (java.io.InputStream in =
                    DemoCommand.class.getResourceAsStream("/io/stui/server/demo/DemoCounter/" + name)) {
                files.addObject()
                        .put("name", "DemoCounter/" + name)
                        .put("contents", new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            } catch (IOException | NullPointerException e) {
                failures++;
                out.println("!! the demo package is missing from the jar: " + name);
                return;
            }
        }
        ObjectNode load = params();
        load.set("files", files);
        exchange(
                c,
                "Load a small Tonel package into the server's image (no session: the default image)",
                Command.LOAD_CODE,
                load,
                r -> r.path("classes_defined").toString().equals("[\"Counter\",\"CounterTest\"]"));
        exchange(
                c,
                "Run its SUnit tests in the image",
                Command.RUN_TESTS,
                params("packages", "DemoCounter"),
                r -> r.path("passed").asInt() == 4
                        && r.path("failed").asInt() == 0
                        && r.path("errors").asInt() == 0);
        exchange(
                c,
                "Use the loaded class in a later request, still without a session",
                Command.EVALUATE,
                params("code", "Counter new increment; incrementBy: 41; count"),
                r -> r.path("result").asText().equals("42"));
        exchange(
                c,
                "Which image is this? (an id made once per store)",
                Command.SYSTEM_INFO,
                params(),
                r -> !r.path("info").path("image_id").asText().isEmpty());
    }

    /**
     * Sends one request and prints it with its answer. {@code check} null means an error answer is
     * expected; otherwise the result must satisfy it.
     */
    private JsonNode exchange(
            StuiClient c, String title, Command command, ObjectNode params, Predicate<JsonNode> check) {
        out.println();
        out.println("## " + title);
        ObjectNode request = Mappers.JSON.createObjectNode();
        request.put("command", command.snakeName());
        request.set("parameters", params);
        out.println("-> " + indent(request));
        try {
            JsonNode result = c.call(command, params);
            out.println("<- " + indent(result));
            if (check == null) {
                failures++;
                out.println("!! expected an error answer");
                return null;
            }
            if (!check.test(result)) {
                failures++;
                out.println("!! unexpected result");
                return null;
            }
            return result;
        } catch (StuiException e) {
            out.println("<- " + indent(CallCommand.errorJson(e)));
            if (check != null) {
                failures++;
                out.println("!! the request failed");
            }
            return null;
        }
    }

    private static String indent(JsonNode n) {
        try {
            return Mappers.PRETTY.writeValueAsString(n).replace("\n", "\n   ");
        } catch (IOException e) {
            return n.toString();
        }
    }

    private static ObjectNode params(Object... kv) {
        ObjectNode p = Mappers.JSON.createObjectNode();
        for (int i = 0; i < kv.length; i += 2) {
            p.set((String) kv[i], Mappers.JSON.valueToTree(kv[i + 1]));
        }
        return p;
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory left behind is harmless
        }
    }
}
