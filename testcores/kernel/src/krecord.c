/* krecord OUTDIR PID...: the guest's own view of itself, for src/record.sh, without a fork
 * per file (a busybox loop over /proc took 10 s of a TCG guest). Writes into OUTDIR:
 *   proc/<file>, proc/net/<file>, proc/sysvipc/<file>, proc/1/mountinfo   copies
 *   pids.tsv          comm<TAB>pid of each PID argument
 *   pid/<PID>/{status,maps,stat,cgroup,comm,timers,stack,wchan}   copies
 *   pid/<PID>/fd.tsv       fd<TAB>readlink(/proc/PID/fd/FD), by fd
 *   pid/<PID>/fdinfo.txt   for each fd, "fd:<TAB>FD" then /proc/PID/fdinfo/FD
 *   pid/<PID>/threads.tsv  tid<TAB>comm, by tid
 *   tasks.tsv         tgid<TAB>tid<TAB>ppid<TAB>state letter<TAB>comm of every task, by tid
 *   cgroups.tsv       path<TAB>cgroup.controllers<TAB>cgroup.subtree_control<TAB>cgroup.procs
 *                     (space separated) of every cgroup under /sys/fs/cgroup, parents first
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *out;

static const char *PROC_FILES[] = {"meminfo", "slabinfo", "mounts", "vmstat", "modules", "interrupts",
	"softirqs", "cgroups", "partitions", "diskstats", "zoneinfo", "buddyinfo", "filesystems", "swaps",
	"uptime", "loadavg", "version", "cmdline", "stat", "devices", "misc", "iomem", "net/tcp", "net/tcp6",
	"net/udp", "net/udp6", "net/unix", "net/sockstat", "net/sockstat6", "net/dev", "sysvipc/shm",
	"sysvipc/sem", "sysvipc/msg", "1/mountinfo", NULL};
static const char *PID_FILES[] = {"status", "maps", "stat", "cgroup", "comm", "timers", "stack", "wchan", NULL};

/* the whole of a (proc) file, NUL-terminated; NULL if unreadable */
static char *slurp(const char *path, size_t *len)
{
	int fd = open(path, O_RDONLY);
	if (fd < 0)
		return NULL;
	size_t cap = 65536, n = 0;
	char *buf = malloc(cap);
	for (ssize_t r; (r = read(fd, buf + n, cap - n - 1)) > 0;) {
		n += r;
		if (cap - n < 4096)
			buf = realloc(buf, cap *= 2);
	}
	close(fd);
	buf[n] = 0;
	if (len)
		*len = n;
	return buf;
}

static FILE *create(const char *rel)
{
	char path[512];
	snprintf(path, sizeof path, "%s/%s", out, rel);
	for (char *s = path + strlen(out) + 1; (s = strchr(s, '/')); s++) {
		*s = 0;
		mkdir(path, 0755);
		*s = '/';
	}
	FILE *f = fopen(path, "w");
	if (!f) {
		fprintf(stderr, "krecord: %s: %s\n", path, strerror(errno));
		exit(1);
	}
	return f;
}

static void copy(const char *src, const char *rel)
{
	size_t n;
	char *buf = slurp(src, &n);
	if (!buf)
		return;  /* e.g. a file this kernel lacks */
	FILE *f = create(rel);
	fwrite(buf, 1, n, f);
	fclose(f);
	free(buf);
}

static int numeric(const struct dirent *d)
{
	return d->d_name[0] >= '0' && d->d_name[0] <= '9';
}

static int by_number(const struct dirent **a, const struct dirent **b)
{
	long x = atol((*a)->d_name), y = atol((*b)->d_name);
	return x < y ? -1 : x > y;
}

/* the numeric entries of DIR in numeric order; count in *n */
static struct dirent **numbered(const char *dir, int *n)
{
	struct dirent **list;
	*n = scandir(dir, &list, numeric, by_number);
	if (*n < 0) {
		*n = 0;
		return NULL;
	}
	return list;
}

static void chomp(char *s)
{
	size_t n = strlen(s);
	while (n && s[n - 1] == '\n')
		s[--n] = 0;
}

static void process(const char *pid)
{
	char src[256], rel[256];
	for (int i = 0; PID_FILES[i]; i++) {
		snprintf(src, sizeof src, "/proc/%s/%s", pid, PID_FILES[i]);
		snprintf(rel, sizeof rel, "pid/%s/%s", pid, PID_FILES[i]);
		copy(src, rel);
	}
	int n;
	snprintf(src, sizeof src, "/proc/%s/fd", pid);
	struct dirent **fds = numbered(src, &n);
	snprintf(rel, sizeof rel, "pid/%s/fd.tsv", pid);
	FILE *f = create(rel);
	snprintf(rel, sizeof rel, "pid/%s/fdinfo.txt", pid);
	FILE *info = create(rel);
	for (int i = 0; i < n; i++) {
		char link[512], target[4096];
		snprintf(link, sizeof link, "/proc/%s/fd/%s", pid, fds[i]->d_name);
		ssize_t len = readlink(link, target, sizeof target - 1);
		if (len >= 0) {
			target[len] = 0;
			fprintf(f, "%s\t%s\n", fds[i]->d_name, target);
		}
		snprintf(link, sizeof link, "/proc/%s/fdinfo/%s", pid, fds[i]->d_name);
		char *text = slurp(link, NULL);
		if (text) {
			fprintf(info, "fd:\t%s\n%s", fds[i]->d_name, text);
			free(text);
		}
		free(fds[i]);
	}
	fclose(info);
	fclose(f);
	free(fds);
	snprintf(src, sizeof src, "/proc/%s/task", pid);
	struct dirent **tids = numbered(src, &n);
	snprintf(rel, sizeof rel, "pid/%s/threads.tsv", pid);
	f = create(rel);
	for (int i = 0; i < n; i++) {
		snprintf(src, sizeof src, "/proc/%s/task/%s/comm", pid, tids[i]->d_name);
		char *comm = slurp(src, NULL);
		if (comm) {
			chomp(comm);
			fprintf(f, "%s\t%s\n", tids[i]->d_name, comm);
			free(comm);
		}
		free(tids[i]);
	}
	fclose(f);
	free(tids);
}

/* the value of "Key:\t..." in a status file, up to the end of the line */
static const char *field(char *status, const char *key, char *buf, size_t size)
{
	char *p = strstr(status, key);
	if (!p)
		return "?";
	p += strlen(key);
	while (*p == '\t' || *p == ' ')
		p++;
	size_t n = strcspn(p, "\n");
	if (n >= size)
		n = size - 1;
	memcpy(buf, p, n);
	buf[n] = 0;
	return buf;
}

static int by_tid(const void *a, const void *b)
{
	long x = atol(*(char *const *)a + strcspn(*(char *const *)a, "\t") + 1);
	long y = atol(*(char *const *)b + strcspn(*(char *const *)b, "\t") + 1);
	return x < y ? -1 : x > y;
}

static void tasks(void)
{
	int np;
	struct dirent **procs = numbered("/proc", &np);
	size_t count = 0, cap = 256;
	char **rows = malloc(cap * sizeof *rows);
	for (int i = 0; i < np; i++) {
		char dir[256];
		snprintf(dir, sizeof dir, "/proc/%s/task", procs[i]->d_name);
		int nt;
		struct dirent **tids = numbered(dir, &nt);
		for (int j = 0; j < nt; j++) {
			char path[512];
			snprintf(path, sizeof path, "%s/%s/status", dir, tids[j]->d_name);
			char *st = slurp(path, NULL);
			if (st) {
				char name[64], state[64], tgid[32], pid[32], ppid[32];
				/* "\nPid:" and "\nPPid:" so that "Tgid:"/"TracerPid:" do not match */
				char *row;
				if (asprintf(&row, "%s\t%s\t%s\t%.1s\t%s\n", field(st, "Tgid:", tgid, sizeof tgid),
					     field(st, "\nPid:", pid, sizeof pid), field(st, "\nPPid:", ppid, sizeof ppid),
					     field(st, "State:", state, sizeof state), field(st, "Name:", name, sizeof name)) > 0) {
					if (count == cap)
						rows = realloc(rows, (cap *= 2) * sizeof *rows);
					rows[count++] = row;
				}
				free(st);
			}
			free(tids[j]);
		}
		free(tids);
		free(procs[i]);
	}
	free(procs);
	qsort(rows, count, sizeof *rows, by_tid);
	FILE *f = create("tasks.tsv");
	for (size_t i = 0; i < count; i++) {
		fputs(rows[i], f);
		free(rows[i]);
	}
	fclose(f);
	free(rows);
}

static void one_line(FILE *f, const char *dir, const char *name, char sep)
{
	char path[1024];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	char *s = slurp(path, NULL);
	if (!s) {
		fputc(sep, f);
		return;
	}
	chomp(s);
	for (char *p = s; *p; p++)
		if (*p == '\n')
			*p = ' ';
	fputs(s, f);
	fputc(sep, f);
	free(s);
}

static int dirs_only(const struct dirent *d)
{
	return d->d_type == DT_DIR && d->d_name[0] != '.';
}

static void cgroup(FILE *f, const char *root, const char *rel)
{
	char dir[1024];
	snprintf(dir, sizeof dir, "%s%s", root, rel);
	fprintf(f, "%s\t", rel);
	one_line(f, dir, "cgroup.controllers", '\t');
	one_line(f, dir, "cgroup.subtree_control", '\t');
	one_line(f, dir, "cgroup.procs", '\n');
	struct dirent **subs;
	int n = scandir(dir, &subs, dirs_only, alphasort);
	for (int i = 0; i < n; i++) {
		char child[1024];
		snprintf(child, sizeof child, "%s%s/", rel, subs[i]->d_name);
		cgroup(f, root, child);
		free(subs[i]);
	}
	if (n > 0)
		free(subs);
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: krecord OUTDIR PID...\n");
		return 2;
	}
	out = argv[1];
	mkdir(out, 0755);
	char src[256], rel[256];
	for (int i = 0; PROC_FILES[i]; i++) {
		snprintf(src, sizeof src, "/proc/%s", PROC_FILES[i]);
		snprintf(rel, sizeof rel, "proc/%s", PROC_FILES[i]);
		copy(src, rel);
	}
	FILE *pids = create("pids.tsv");
	for (int i = 2; i < argc; i++) {
		snprintf(src, sizeof src, "/proc/%s/comm", argv[i]);
		char *comm = slurp(src, NULL);
		if (!comm) {
			fprintf(stderr, "krecord: no process %s\n", argv[i]);
			continue;
		}
		chomp(comm);
		fprintf(pids, "%s\t%s\n", comm, argv[i]);
		free(comm);
		process(argv[i]);
	}
	fclose(pids);
	tasks();
	FILE *cg = create("cgroups.tsv");
	cgroup(cg, "/sys/fs/cgroup", "/");
	fclose(cg);
	return 0;
}
