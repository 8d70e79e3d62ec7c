package io.stui.nativegen;

/**
 * A small translation unit in the shape clang prints with {@code -ast-dump=json}, and its macro dump:
 * one typedef from an included system header, then the main header's own declarations, which omit
 * {@code "file"} after the first because clang prints it only when it changes.
 */
final class SampleHeader {

    static final String MAIN_FILE = "/tmp/sample.h";

    private SampleHeader() {}

    static final String AST = """
        {"id":"0x1","kind":"TranslationUnitDecl","loc":{},"range":{"begin":{},"end":{}},"inner":[
          {"id":"0x2","kind":"TypedefDecl","loc":{"offset":10,"file":"/usr/include/stddef.h","line":3,"col":1,
              "includedFrom":{"file":"/tmp/sample.h"}},
           "range":{"begin":{"offset":1,"col":1,"includedFrom":{"file":"/tmp/sample.h"}},"end":{"offset":9}},
           "name":"size_t","type":{"qualType":"unsigned long"},
           "inner":[{"id":"0x3","kind":"BuiltinType","type":{"qualType":"unsigned long"}}]},
          {"id":"0x4","kind":"FunctionDecl","loc":{"offset":20,"line":9,"col":1,
              "includedFrom":{"file":"/tmp/sample.h"}},
           "range":{"begin":{"offset":20},"end":{"offset":30}},
           "name":"system_function","type":{"qualType":"int (void)"}},
          {"id":"0x10","kind":"RecordDecl","loc":{"offset":100,"file":"/tmp/sample.h","line":2,"col":8},
           "range":{"begin":{"offset":95},"end":{"offset":140}},
           "name":"point","tagUsed":"struct","completeDefinition":true,"inner":[
             {"id":"0x11","kind":"FieldDecl","loc":{"offset":110},"name":"tag","type":{"qualType":"char"}},
             {"id":"0x12","kind":"FieldDecl","loc":{"offset":120},"name":"x","type":{"qualType":"int"}},
             {"id":"0x13","kind":"FieldDecl","loc":{"offset":130},"name":"y","type":{"qualType":"short"}},
             {"id":"0x14","kind":"FieldDecl","loc":{"offset":135},"name":"next","type":{"qualType":"struct point *"}}
           ]},
          {"id":"0x20","kind":"TypedefDecl","loc":{"offset":150},"range":{"begin":{"offset":141},"end":{"offset":150}},
           "name":"point","type":{"desugaredQualType":"struct point","qualType":"struct point"},
           "inner":[{"id":"0x21","kind":"ElaboratedType","type":{"qualType":"struct point"},
                     "ownedTagDecl":{"id":"0x10","kind":"RecordDecl","name":"point"}}]},
          {"id":"0x30","kind":"RecordDecl","loc":{"offset":200},"range":{"begin":{"offset":195},"end":{"offset":260}},
           "name":"blob","tagUsed":"struct","completeDefinition":true,"inner":[
             {"id":"0x31","kind":"FieldDecl","loc":{"offset":210},"name":"_","type":{"qualType":"unsigned char[64]"},
              "inner":[{"id":"0x32","kind":"AlignedAttr","inner":[
                 {"id":"0x33","kind":"ConstantExpr","type":{"qualType":"unsigned long"},"value":"8"}]}]}
           ]},
          {"id":"0x38","kind":"RecordDecl","loc":{"offset":270},"name":"opaque","tagUsed":"struct"},
          {"id":"0x40","kind":"TypedefDecl","loc":{"offset":300},"name":"free_fn",
           "type":{"desugaredQualType":"void (void *, void *)","qualType":"void (void *, void *)"},
           "inner":[{"id":"0x41","kind":"ParenType","type":{"qualType":"void (void *, void *)"},
             "inner":[{"id":"0x42","kind":"FunctionProtoType","type":{"qualType":"void (void *, void *)"},"cc":"cdecl",
               "inner":[{"id":"0x43","kind":"BuiltinType","type":{"qualType":"void"}},
                        {"id":"0x44","kind":"PointerType","type":{"qualType":"void *"}},
                        {"id":"0x44","kind":"PointerType","type":{"qualType":"void *"}}]}]}]},
          {"id":"0x50","kind":"TypedefDecl","loc":{"offset":330},"name":"fd_t","type":{"qualType":"int"},
           "inner":[{"id":"0x51","kind":"BuiltinType","type":{"qualType":"int"}}]},
          {"id":"0x60","kind":"FunctionDecl","loc":{"offset":400},"name":"strlen",
           "type":{"qualType":"size_t (const char *)"},"inner":[
             {"id":"0x61","kind":"ParmVarDecl","loc":{"offset":410},"name":"s","type":{"qualType":"const char *"}}]},
          {"id":"0x70","kind":"FunctionDecl","loc":{"offset":500},"name":"abs","type":{"qualType":"int (int)"},
           "inner":[{"id":"0x71","kind":"ParmVarDecl","loc":{"offset":505},"type":{"qualType":"int"}}]},
          {"id":"0x80","kind":"FunctionDecl","loc":{"offset":600},"name":"labs","type":{"qualType":"long (long)"},
           "inner":[{"id":"0x81","kind":"ParmVarDecl","loc":{"offset":605},"name":"var","type":{"qualType":"long"}}]},
          {"id":"0x90","kind":"FunctionDecl","loc":{"offset":700},"name":"blob_size",
           "type":{"qualType":"size_t (const struct blob *, fd_t)"},"inner":[
             {"id":"0x91","kind":"ParmVarDecl","loc":{"offset":705},"name":"b","type":{"qualType":"const struct blob *"}},
             {"id":"0x92","kind":"ParmVarDecl","loc":{"offset":715},"name":"fd",
              "type":{"desugaredQualType":"int","qualType":"fd_t","typeAliasDeclId":"0x50"}}]},
          {"id":"0xa0","kind":"FunctionDecl","loc":{"offset":10,"file":"/usr/include/stdlib.h","line":1,
              "includedFrom":{"file":"/tmp/sample.h"}},
           "name":"after_include","type":{"qualType":"void (void)"}}
        ]}
        """;

    static final String MACROS = """
        #define __STDC__ 1
        #define SAMPLE_BASE 156384712
        #define SAMPLE_ERR (SAMPLE_BASE + 53)
        #define SAMPLE_HEX 0xFFFF
        #define SAMPLE_MAKE(a,b) ((a) *100 + (b))
        #define SAMPLE_VERSION SAMPLE_MAKE (SAMPLE_VERSION_MAJOR, SAMPLE_VERSION_MINOR)
        #define SAMPLE_VERSION_MAJOR 2
        #define SAMPLE_VERSION_MINOR 7
        #define SAMPLE_VERSION_PATCH 1
        #define SAMPLE_ALIAS SAMPLE_HEX
        #define SAMPLE_NEG -1
        #define SAMPLE_BIG 0x100000000L
        #define SAMPLE_STRING "text"
        #define SAMPLE_EMPTY
        #define EAGAIN 11
        #define OTHER 5
        """;
}
