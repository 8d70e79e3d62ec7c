package io.stui.smalltalk.syntax;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/** Recursive-descent parser for Smalltalk-80 methods and doits. */
public final class Parser {
    /**
     * How deeply expressions (parentheses, blocks, brace arrays, assignment chains) and literal arrays may nest. The
     * parser, the compiler and the interpreter all recurse on nesting, so an unbounded source could take a thread's
     * whole stack (and the memory it touches); real code stays far below this.
     */
    public static final int MAX_NESTING = 256;

    /**
     * How deep an expression tree may be. Left-nested sends ({@code 1 + 1 + 1 ...}, {@code x abs abs ...}) are
     * parsed in a loop and need no nesting, but the compiler and the interpreter walk the tree recursively: a chain of
     * 100,000 sends took about 70 MB of a thread's stack, resident for the thread's life (issue #16). Real code is a
     * few dozen deep; {@link #MAX_NESTING} levels of parentheses or blocks, each with a few sends, stay well under.
     */
    public static final int MAX_DEPTH = 4_096;

    private final Scanner scanner;
    private Token tok;
    private Token prev;
    private int nesting;
    /** The pragmas of the method being parsed, in source order (reflection asks for them). */
    private final List<PragmaSpec> pragmas = new ArrayList<>();

    /** A pragma as written: its selector and its literal arguments (parser values, see Literals). */
    public record PragmaSpec(String selector, List<Object> args) {}

    /** What a method is known by before its body is parsed: selector, argument names, primitive (or null). */
    public record Header(String selector, List<String> params, String primitive) {}

    private Parser(String source) {
        this.scanner = new Scanner(source);
        this.tok = scanner.next();
    }

    /** Parses a doit (workspace code): optional temporaries and statements. */
    public static Ast.Method parseDoit(String source) {
        Parser p = new Parser(source);
        List<String> temps = p.temporaries();
        List<Ast> body = p.statements(true);
        p.expect(Token.Kind.EOF, "End of input expected");
        return p.withinDepth(new Ast.Method("DoIt", List.of(), temps, null, body, source, 0));
    }

    /** Parses a method definition: pattern, pragmas, temporaries and statements. */
    public static Ast.Method parseMethod(String source) {
        Parser p = new Parser(source);
        return p.withinDepth(p.method());
    }

    /**
     * The pragmas of a method's source, read from its header only (pattern, pragmas, temporaries): the body is
     * not parsed, so asking is cheap. A syntax error in the header is thrown as for {@link #parseMethod}.
     */
    public static List<PragmaSpec> pragmasOf(String source) {
        Parser p = new Parser(source);
        p.methodHeader(new ArrayList<>());
        return List.copyOf(p.pragmas);
    }

    /**
     * A method's header (pattern, pragmas, temporaries), read as {@link #parseMethod} reads it, without parsing the
     * body: the kernel's methods are installed from their headers and parse their bodies on their first call.
     */
    public static Header header(String source) {
        return new Parser(source).methodHeader(new ArrayList<>());
    }

    /**
     * The method, when no path of its tree is deeper than {@link #MAX_DEPTH}; a syntax error at the first node too
     * deep otherwise. Walks the tree once, without recursion (it may be deeper than any stack).
     */
    private Ast.Method withinDepth(Ast.Method method) {
        ArrayDeque<Ast> nodes = new ArrayDeque<>();
        ArrayDeque<Integer> depths = new ArrayDeque<>();
        Set<Ast> cascadeReceivers = Collections.newSetFromMap(new IdentityHashMap<>());
        nodes.push(method);
        depths.push(1);
        while (!nodes.isEmpty()) {
            Ast node = nodes.pop();
            int depth = depths.pop();
            if (depth > MAX_DEPTH) {
                throw scanner.error(
                        "Expression more than " + MAX_DEPTH + " sends deep; split it with temporaries", node.pos());
            }
            List<Ast> children = switch (node) {
                case Ast.Send send -> {
                    List<Ast> c = new ArrayList<>(send.args());
                    if (!cascadeReceivers.contains(send.receiver())) {
                        c.add(send.receiver());
                    }
                    yield c;
                }
                case Ast.Cascade cascade -> {
                    // every message is sent to the cascade's receiver, walked once here and not again below them
                    cascadeReceivers.add(cascade.receiver());
                    List<Ast> c = new ArrayList<>(cascade.messages());
                    c.add(cascade.receiver());
                    yield c;
                }
                case Ast.Assign assign -> List.of(assign.value());
                case Ast.Return ret -> List.of(ret.value());
                case Ast.Block block -> block.statements();
                case Ast.Brace brace -> brace.elements();
                case Ast.Method m -> m.statements();
                default -> List.of();
            };
            for (Ast child : children) {
                nodes.push(child);
                depths.push(depth + 1);
            }
        }
        return method;
    }

    /** Answers just the selector of a method source, or throws SyntaxError. */
    public static String selectorOf(String source) {
        Parser p = new Parser(source);
        List<String> params = new ArrayList<>();
        return p.pattern(params);
    }

    /** The offset just past a method's message pattern (where its body starts), or throws SyntaxError. */
    public static int patternEnd(String source) {
        Parser p = new Parser(source);
        p.pattern(new ArrayList<>());
        return p.prev.end();
    }

    /** The argument names of a method's message pattern, or throws SyntaxError. */
    public static List<String> patternArguments(String source) {
        Parser p = new Parser(source);
        List<String> params = new ArrayList<>();
        p.pattern(params);
        return params;
    }

    private SyntaxError error(String msg) {
        return scanner.error(msg, tok.pos());
    }

    private Token advance() {
        prev = tok;
        tok = scanner.next();
        return prev;
    }

    private void expect(Token.Kind k, String msg) {
        if (!tok.is(k)) throw error(msg);
        advance();
    }

    private String pattern(List<String> params) {
        if (tok.is(Token.Kind.IDENT)) return advance().text();
        if (tok.is(Token.Kind.BINARY)) {
            String sel = advance().text();
            if (!tok.is(Token.Kind.IDENT)) throw error("Argument name expected");
            params.add(advance().text());
            return sel;
        }
        if (tok.is(Token.Kind.KEYWORD)) {
            StringBuilder sel = new StringBuilder();
            while (tok.is(Token.Kind.KEYWORD)) {
                sel.append(advance().text());
                if (!tok.is(Token.Kind.IDENT)) throw error("Argument name expected");
                params.add(advance().text());
            }
            return sel.toString();
        }
        throw error("Message pattern expected");
    }

    private Ast.Method method() {
        int start = tok.pos();
        List<String> temps = new ArrayList<>();
        Header header = methodHeader(temps);
        List<Ast> body = statements(true);
        expect(Token.Kind.EOF, "End of method expected");
        return new Ast.Method(
                header.selector(), header.params(), temps, header.primitive(), body, scanner.source(), start);
    }

    /** Reads the pattern, pragmas and temporaries (added to {@code temps}); the parser then stands at the body. */
    private Header methodHeader(List<String> temps) {
        List<String> params = new ArrayList<>();
        String selector = pattern(params);
        String primitive = null;
        while (true) {
            if (tok.isBinary("<")) {
                String named = pragma();
                if (named != null) primitive = named;
            } else if (tok.isBinary("|") || tok.isBinary("||")) {
                temps.addAll(temporaries());
            } else {
                return new Header(selector, List.copyOf(params), primitive);
            }
        }
    }

    /** Parses {@code <keyword: literal ...>}; answers the primitive name when it is a primitive pragma. */
    private String pragma() {
        advance();
        String result = null;
        if (tok.is(Token.Kind.KEYWORD)) {
            StringBuilder sel = new StringBuilder();
            List<Object> args = new ArrayList<>();
            while (tok.is(Token.Kind.KEYWORD)) {
                sel.append(advance().text());
                Ast lit = primary();
                if (!(lit instanceof Ast.Literal l)) throw error("Literal expected in pragma");
                args.add(l.value());
            }
            if (sel.toString().equals("primitive:")) result = args.get(0).toString();
            pragmas.add(new PragmaSpec(sel.toString(), args));
        } else if (tok.is(Token.Kind.IDENT)) {
            pragmas.add(new PragmaSpec(advance().text(), List.of()));
        } else throw error("Pragma expected");
        if (!tok.isBinary(">")) throw error("'>' expected to close the pragma");
        advance();
        return result;
    }

    private List<String> temporaries() {
        List<String> temps = new ArrayList<>();
        if (tok.isBinary("||")) {
            advance();
            return temps;
        }
        if (!tok.isBinary("|")) return temps;
        advance();
        while (tok.is(Token.Kind.IDENT)) temps.add(advance().text());
        if (!tok.isBinary("|")) throw error("'|' expected to end the temporaries");
        advance();
        return temps;
    }

    private List<Ast> statements(boolean topLevel) {
        List<Ast> list = new ArrayList<>();
        while (true) {
            while (tok.is(Token.Kind.PERIOD)) advance();
            if (tok.is(Token.Kind.EOF) || tok.is(Token.Kind.RBRACKET) || tok.is(Token.Kind.RBRACE)) break;
            if (tok.is(Token.Kind.CARET)) {
                int pos = advance().pos();
                list.add(new Ast.Return(expression(), pos));
                while (tok.is(Token.Kind.PERIOD)) advance();
                if (!(tok.is(Token.Kind.EOF) || tok.is(Token.Kind.RBRACKET) || tok.is(Token.Kind.RBRACE)))
                    throw error("Statement after a return is unreachable");
                break;
            }
            list.add(expression());
            if (tok.is(Token.Kind.PERIOD)) continue;
            if (tok.is(Token.Kind.EOF) || tok.is(Token.Kind.RBRACKET) || tok.is(Token.Kind.RBRACE)) break;
            throw error(tok.is(Token.Kind.RPAREN) ? "Unmatched ')'" : "'.' or end of statement expected");
        }
        return list;
    }

    private void enterNesting() {
        if (++nesting > MAX_NESTING) {
            throw error("Nested more than " + MAX_NESTING + " levels deep; split the expression");
        }
    }

    private Ast expression() {
        enterNesting();
        try {
            return unnestedExpression();
        } finally {
            nesting--;
        }
    }

    private Ast unnestedExpression() {
        if (tok.is(Token.Kind.IDENT)) {
            Token save = tok;
            int savePos = scanner.position();
            Token id = advance();
            if (tok.is(Token.Kind.ASSIGN)) {
                advance();
                Ast value = expression();
                return new Ast.Assign(id.text(), id.pos(), value, id.pos());
            }
            // not an assignment: rewind
            scanner.reset(savePos);
            tok = save;
        }
        Ast first = keywordExpr();
        if (!tok.is(Token.Kind.SEMI)) return first;
        if (!(first instanceof Ast.Send firstSend)) throw error("Cascade needs a message send before ';'");
        Ast receiver = firstSend.receiver();
        List<Ast.Send> messages = new ArrayList<>();
        messages.add(firstSend);
        while (tok.is(Token.Kind.SEMI)) {
            advance();
            messages.add(cascadePart(receiver));
        }
        return new Ast.Cascade(receiver, messages, first.pos());
    }

    private Ast.Send cascadePart(Ast receiver) {
        Ast r = receiver;
        Ast cur = null;
        if (tok.is(Token.Kind.IDENT)) {
            Token t = advance();
            cur = new Ast.Send(r, t.text(), List.of(), t.pos());
            while (tok.is(Token.Kind.IDENT)) {
                t = advance();
                cur = new Ast.Send(cur, t.text(), List.of(), t.pos());
            }
            while (tok.is(Token.Kind.BINARY)) cur = binaryTail(cur);
            if (tok.is(Token.Kind.KEYWORD)) cur = keywordTail(cur);
        } else if (tok.is(Token.Kind.BINARY)) {
            cur = binaryTail(r);
            while (tok.is(Token.Kind.BINARY)) cur = binaryTail(cur);
            if (tok.is(Token.Kind.KEYWORD)) cur = keywordTail(cur);
        } else if (tok.is(Token.Kind.KEYWORD)) {
            cur = keywordTail(r);
        } else throw error("Message expected in cascade");
        return (Ast.Send) cur;
    }

    private Ast keywordExpr() {
        Ast r = binaryExpr();
        if (tok.is(Token.Kind.KEYWORD)) return keywordTail(r);
        return r;
    }

    private Ast keywordTail(Ast r) {
        int pos = tok.pos();
        StringBuilder sel = new StringBuilder();
        List<Ast> args = new ArrayList<>();
        while (tok.is(Token.Kind.KEYWORD)) {
            sel.append(advance().text());
            args.add(binaryExpr());
        }
        return new Ast.Send(r, sel.toString(), args, pos);
    }

    private Ast binaryExpr() {
        Ast r = unaryExpr();
        while (tok.is(Token.Kind.BINARY)) r = binaryTail(r);
        return r;
    }

    private Ast binaryTail(Ast r) {
        Token op = advance();
        Ast arg = unaryExpr();
        return new Ast.Send(r, op.text(), List.of(arg), op.pos());
    }

    private Ast unaryExpr() {
        Ast r = primary();
        while (tok.is(Token.Kind.IDENT)) {
            Token t = advance();
            r = new Ast.Send(r, t.text(), List.of(), t.pos());
        }
        return r;
    }

    private Ast primary() {
        Token t = tok;
        switch (t.kind()) {
            case IDENT -> {
                advance();
                return switch (t.text()) {
                    case "nil" -> new Ast.Literal(null, t.pos());
                    case "true" -> new Ast.Literal(Boolean.TRUE, t.pos());
                    case "false" -> new Ast.Literal(Boolean.FALSE, t.pos());
                    default -> new Ast.Variable(t.text(), t.pos());
                };
            }
            case LITERAL, SCALED -> {
                advance();
                return literalNode(t);
            }
            case BINARY -> {
                if (t.text().equals("-")) {
                    int numPos = scanner.position();
                    if (numPos < scanner.source().length()
                            && Character.isDigit(scanner.source().charAt(numPos))) {
                        scanner.reset(numPos);
                        Token n = scanner.number(t.pos(), true);
                        prev = n;
                        tok = scanner.next();
                        return literalNode(n);
                    }
                }
                throw error("Expression expected");
            }
            case LPAREN -> {
                advance();
                Ast e = expression();
                if (!tok.is(Token.Kind.RPAREN)) throw error("')' expected");
                advance();
                return e;
            }
            case LBRACKET -> {
                return block();
            }
            case LBRACE -> {
                advance();
                List<Ast> elems = statements(false);
                if (!tok.is(Token.Kind.RBRACE)) throw error("'}' expected");
                advance();
                for (Ast a : elems)
                    if (a instanceof Ast.Return) throw scanner.error("Return not allowed in a brace array", a.pos());
                return new Ast.Brace(elems, t.pos());
            }
            case HASH_PAREN -> {
                advance();
                return new Ast.Literal(literalArray(t.pos()), t.pos());
            }
            case HASH_BRACKET -> {
                advance();
                return new Ast.Literal(byteArray(t.pos()), t.pos());
            }
            case EOF -> throw error("Expression expected");
            default ->
                throw error(
                        t.is(Token.Kind.RPAREN)
                                ? "Unmatched ')'"
                                : t.is(Token.Kind.RBRACKET) ? "Unmatched ']'" : "Expression expected");
        }
    }

    private Ast literalNode(Token t) {
        if (t.is(Token.Kind.SCALED)) {
            Object[] v = (Object[]) t.value();
            return new Ast.ScaledLiteral((BigInteger) v[0], (BigInteger) v[1], (Integer) v[2], t.pos());
        }
        if ("fraction".equals(t.text())) {
            Object[] v = (Object[]) t.value();
            return new Ast.Send(new Ast.Literal(v[0], t.pos()), "/", List.of(new Ast.Literal(v[1], t.pos())), t.pos());
        }
        return new Ast.Literal(t.value(), t.pos());
    }

    private Ast block() {
        int start = tok.pos();
        advance();
        List<String> params = new ArrayList<>();
        while (tok.is(Token.Kind.COLON)) {
            advance();
            if (!tok.is(Token.Kind.IDENT)) throw error("Block argument name expected");
            params.add(advance().text());
        }
        List<String> temps = new ArrayList<>();
        if (!params.isEmpty()) {
            if (tok.isBinary("||")) {
                advance();
                // "[:x || t |" : an empty bar pair is not valid; "[:x || " means end of args then temps start
                while (tok.is(Token.Kind.IDENT)) temps.add(advance().text());
                if (!tok.isBinary("|")) throw error("'|' expected");
                advance();
            } else if (tok.isBinary("|")) {
                advance();
                temps.addAll(temporaries());
            } else if (!tok.is(Token.Kind.RBRACKET)) throw error("'|' expected after block arguments");
        } else {
            temps.addAll(temporaries());
        }
        List<Ast> body = statements(false);
        if (!tok.is(Token.Kind.RBRACKET)) throw error("']' expected");
        int end = tok.end();
        advance();
        return new Ast.Block(params, temps, body, start, end);
    }

    private Object[] literalArray(int start) {
        List<Object> elems = new ArrayList<>();
        while (true) {
            Token t = tok;
            switch (t.kind()) {
                case RPAREN -> {
                    advance();
                    return elems.toArray();
                }
                case EOF -> throw scanner.error("')' expected to close the literal array", start);
                case LITERAL -> {
                    advance();
                    if ("fraction".equals(t.text()))
                        throw scanner.error("Fraction literal not allowed in a literal array", t.pos());
                    elems.add(t.value());
                }
                case SCALED -> throw scanner.error("Scaled decimal not allowed in a literal array", t.pos());
                case LPAREN, HASH_PAREN -> {
                    advance();
                    enterNesting();
                    elems.add(literalArray(t.pos()));
                    nesting--;
                }
                case LBRACKET, HASH_BRACKET -> {
                    advance();
                    elems.add(byteArray(t.pos()));
                }
                case IDENT -> {
                    advance();
                    switch (t.text()) {
                        case "nil" -> elems.add(null);
                        case "true" -> elems.add(Boolean.TRUE);
                        case "false" -> elems.add(Boolean.FALSE);
                        default -> elems.add(new Ast.SymbolValue(t.text()));
                    }
                }
                case KEYWORD -> {
                    StringBuilder sb = new StringBuilder(advance().text());
                    while (tok.is(Token.Kind.KEYWORD) && tok.pos() == prev.end())
                        sb.append(advance().text());
                    elems.add(new Ast.SymbolValue(sb.toString()));
                }
                case BINARY -> {
                    advance();
                    if (t.text().equals("-") && tok.is(Token.Kind.LITERAL) && tok.pos() == t.end()) {
                        Object v = advance().value();
                        elems.add(negate(v));
                    } else elems.add(new Ast.SymbolValue(t.text()));
                }
                case CARET -> {
                    advance();
                    elems.add(new Ast.SymbolValue("^"));
                }
                default -> throw scanner.error("Invalid literal array element", t.pos());
            }
        }
    }

    /** {@code -} before a number inside a literal array. */
    private static Object negate(Object v) {
        if (v instanceof Long l)
            return l == Long.MIN_VALUE ? BigInteger.valueOf(l).negate() : (Object) (-l);
        if (v instanceof BigInteger b) return Scanner.integer(b.negate());
        if (v instanceof Double d) return -d;
        return v;
    }

    private byte[] byteArray(int start) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (!tok.is(Token.Kind.RBRACKET)) {
            if (tok.is(Token.Kind.LITERAL) && tok.value() instanceof Long b && b >= 0 && b <= 255) {
                out.write(b.intValue());
                advance();
            } else if (tok.is(Token.Kind.EOF)) {
                throw scanner.error("']' expected to close the byte array", start);
            } else throw error("Byte value 0-255 expected");
        }
        advance();
        return out.toByteArray();
    }
}
