package io.stui.server.cli;

import io.stui.protocol.StuiException;
import io.stui.protocol.client.StuiClient;
import io.stui.protocol.request.CodeFile;
import io.stui.protocol.result.LoadCodeResult;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code stui load PATH... [--session ID]}: the user's code, read here, loaded into a running server's image. */
@picocli.CommandLine.Command(
        name = "load",
        mixinStandardHelpOptions = true,
        description = {
            "Load Tonel packages or chunk-format file-outs into a running server's image (or a session).",
            "The files are read here and sent by contents (load_code); loading is all or nothing.",
            "Example: stui load src/MyPackage --endpoint tcp://127.0.0.1:5555"
        })
final class LoadCommand implements Callable<Integer> {

    @Mixin
    ClientOptionsMixin client;

    @Option(names = "--session", description = "Load into this session instead of the server's default image.")
    String session;

    @Parameters(
            index = "0..*",
            arity = "1..*",
            paramLabel = "PATH",
            description = "Files or Tonel package directories.")
    List<String> paths;

    @Override
    public Integer call() {
        List<CodeFile> files;
        try {
            files = ServerCode.read(paths);
        } catch (IOException e) {
            System.err.println("stui load: " + e.getMessage());
            return 2;
        }
        try (StuiClient c = StuiClient.connect(client.options())) {
            LoadCodeResult r = c.loadCode(files, session);
            System.out.println("loaded " + r.classesDefined().size() + " classes, "
                    + r.traitsDefined().size()
                    + " traits, " + r.methodsDefined() + " methods into "
                    + (session == null ? "the image" : "session " + session) + ": "
                    + String.join(" ", r.classesDefined()));
            return 0;
        } catch (StuiException e) {
            System.err.println("stui load: " + e.code().wireName() + ": " + e.getMessage());
            return 1;
        }
    }
}
