package io.stui.smalltalk.syntax;

/** A lexical token; {@code value} carries literal values. */
record Token(Kind kind, String text, Object value, int pos, int end) {
    enum Kind {
        IDENT,
        KEYWORD,
        BINARY,
        LITERAL,
        SCALED,
        ASSIGN,
        CARET,
        COLON,
        LPAREN,
        RPAREN,
        LBRACKET,
        RBRACKET,
        LBRACE,
        RBRACE,
        PERIOD,
        SEMI,
        HASH_PAREN,
        HASH_BRACKET,
        EOF
    }

    boolean is(Kind k) {
        return kind == k;
    }

    boolean isBinary(String s) {
        return kind == Kind.BINARY && text.equals(s);
    }
}
