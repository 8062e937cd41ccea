/* kobjs ROLE READY-DIR: a test process of the kcore guest holding the kernel objects drgn's
 * Linux helpers read, then blocking forever in a recognisable place. Busybox has no tool
 * for most of them. Every role sets its comm, writes READY-DIR/ROLE (its pid) once set up.
 *   files   comm files_holder: regular files (tmpfs, ext2 on the partition), a FIFO, a pipe,
 *           eventfd, timerfd, signalfd, epoll, inotify, memfd (mapped), a unix socketpair,
 *           /dev/null, a directory; blocks in epoll_wait
 *   server  comm net_server + threads srv_accept, srv_recv: TCP LISTEN 127.0.0.1:7001 and
 *           [::1]:7002, two accepted connections (12 unread bytes on the first), UDP
 *           127.0.0.1:7003 with one queued datagram; srv_accept in accept, srv_recv in recv
 *           on the second connection, main in pthread_join
 *   client  comm net_client: both connections to 7001, a UDP socket sending to 7003; blocks
 *           in poll
 *   ipc     comm ipc_holder: SysV shm 0x4b430001 (64 KiB, attached), sem 0x4b430002 (3 sems
 *           = 1 2 3), msg queue 0x4b430003 (2 messages); blocks in msgrcv of type 99
 *   threads comm threaded + thr_futex (cond wait), thr_sleep (nanosleep), thr_pipe (read)
 *   timers  comm timer_holder: POSIX timers (REALTIME SIGEV_NONE, MONOTONIC SIGEV_SIGNAL),
 *           itimers REAL and VIRTUAL; blocks in clock_nanosleep(TIMER_ABSTIME)
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <sys/ipc.h>
#include <sys/mman.h>
#include <sys/msg.h>
#include <sys/prctl.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/timerfd.h>
#include <time.h>
#include <unistd.h>

#define TCP_PORT 7001
#define TCP6_PORT 7002
#define UDP_PORT 7003

static const char *ready_dir;

static void die(const char *what)
{
	fprintf(stderr, "kobjs: %s: %s\n", what, strerror(errno));
	exit(1);
}

static int check(int r, const char *what)
{
	if (r < 0)
		die(what);
	return r;
}

static void ready(const char *role)
{
	char path[256];
	snprintf(path, sizeof path, "%s/%s", ready_dir, role);
	FILE *f = fopen(path, "w");
	if (!f)
		die(path);
	fprintf(f, "%d\n", getpid());
	fclose(f);
}

static void forever(void)
{
	for (;;)
		pause();
}

static int files(void)
{
	prctl(PR_SET_NAME, "files_holder");
	int reg = check(open("/tmp/kcore-files.txt", O_RDWR | O_CREAT | O_TRUNC, 0644), "open tmp file");
	check(write(reg, "kcore files_holder\n", 19), "write");
	check(open("/mnt/disk/hello.txt", O_RDONLY), "open disk file");
	check(mkfifo("/tmp/kcore-holder.fifo", 0600), "mkfifo");
	check(open("/tmp/kcore-holder.fifo", O_RDWR), "open fifo");  /* O_RDWR: no partner needed */
	int p[2];
	check(pipe(p), "pipe");
	check(eventfd(5, EFD_NONBLOCK), "eventfd");  // readable: never in the epoll set
	int tfd = check(timerfd_create(CLOCK_MONOTONIC, 0), "timerfd");
	struct itimerspec its = {.it_interval = {1000, 0}, .it_value = {1000, 0}};
	check(timerfd_settime(tfd, 0, &its, NULL), "timerfd_settime");
	sigset_t mask;
	sigemptyset(&mask);
	sigaddset(&mask, SIGUSR1);
	sigprocmask(SIG_BLOCK, &mask, NULL);
	check(signalfd(-1, &mask, 0), "signalfd");
	int ep = check(epoll_create1(0), "epoll");
	struct epoll_event ev = {.events = EPOLLIN};
	ev.data.fd = p[0];
	check(epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev), "epoll_ctl pipe");
	ev.data.fd = tfd;
	check(epoll_ctl(ep, EPOLL_CTL_ADD, tfd, &ev), "epoll_ctl timerfd");
	int in = check(inotify_init1(0), "inotify");
	check(inotify_add_watch(in, "/tmp", IN_CREATE | IN_DELETE), "inotify_add_watch");
	int mfd = check(memfd_create("kcore_memfd", 0), "memfd");
	check(ftruncate(mfd, 8192), "ftruncate memfd");
	char *m = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_SHARED, mfd, 0);
	if (m == MAP_FAILED)
		die("mmap memfd");
	strcpy(m, "kcore memfd");
	if (mmap(NULL, 4096, PROT_READ, MAP_SHARED, reg, 0) == MAP_FAILED)
		die("mmap file");
	int sv[2];
	check(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), "socketpair");
	check(write(sv[0], "kcore", 5), "write socketpair");
	check(open("/dev/null", O_WRONLY), "open /dev/null");
	check(open("/tmp", O_RDONLY | O_DIRECTORY), "open /tmp");
	ready("files");
	for (;;)  /* nothing ever becomes readable: the pipe stays empty, the timerfd is 1000 s away */
		epoll_wait(ep, &ev, 1, -1);
}

static int tcp_listen(int family, int port)
{
	int s = check(socket(family, SOCK_STREAM, 0), "socket");
	int one = 1;
	setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
	if (family == AF_INET) {
		struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons(port)};
		a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
		check(bind(s, (struct sockaddr *)&a, sizeof a), "bind");
	} else {
		struct sockaddr_in6 a = {.sin6_family = AF_INET6, .sin6_port = htons(port)};
		a.sin6_addr = in6addr_loopback;
		if (bind(s, (struct sockaddr *)&a, sizeof a) < 0) {
			fprintf(stderr, "kobjs: bind [::1]:%d: %s (no IPv6 loopback)\n", port, strerror(errno));
			close(s);
			return -1;
		}
	}
	check(listen(s, 8), "listen");
	return s;
}

static int listener;
static volatile int accepted[2];

static void *srv_accept(void *arg)
{
	(void)arg;
	prctl(PR_SET_NAME, "srv_accept");
	for (;;) {  /* the client's two connections, then blocked in accept */
		int c = accept(listener, NULL, NULL);
		if (c < 0)
			continue;
		if (accepted[0] < 0)
			accepted[0] = c;
		else
			accepted[1] = c;
	}
}

static void *srv_recv(void *arg)
{
	char buf[64];
	prctl(PR_SET_NAME, "srv_recv");
	for (;;)
		if (recv(*(volatile int *)arg, buf, sizeof buf, 0) == 0)
			forever();
}

static int server(void)
{
	prctl(PR_SET_NAME, "net_server");
	accepted[0] = accepted[1] = -1;
	listener = tcp_listen(AF_INET, TCP_PORT);
	tcp_listen(AF_INET6, TCP6_PORT);
	int u = check(socket(AF_INET, SOCK_DGRAM, 0), "udp socket");
	struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons(UDP_PORT)};
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	check(bind(u, (struct sockaddr *)&a, sizeof a), "bind udp");
	pthread_t acc, rcv;
	pthread_create(&acc, NULL, srv_accept, NULL);
	ready("server");  /* the client connects now */
	while (accepted[1] < 0)
		usleep(10000);
	pthread_create(&rcv, NULL, srv_recv, (void *)&accepted[1]);
	ready("server-connected");
	pthread_join(rcv, NULL);
	forever();
}

static int client(void)
{
	prctl(PR_SET_NAME, "net_client");
	struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons(TCP_PORT)};
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	struct pollfd pf[3];
	for (int i = 0; i < 2; i++) {
		int s = check(socket(AF_INET, SOCK_STREAM, 0), "socket");
		check(connect(s, (struct sockaddr *)&a, sizeof a), "connect");
		pf[i] = (struct pollfd){.fd = s, .events = POLLIN};
		usleep(50000);  /* keep the accept order: the first connection gets the bytes */
	}
	check(write(pf[0].fd, "kcore-unread", 12), "send");  /* the server never reads them */
	int u = check(socket(AF_INET, SOCK_DGRAM, 0), "udp socket");
	a.sin_port = htons(UDP_PORT);
	check(connect(u, (struct sockaddr *)&a, sizeof a), "connect udp");
	check(write(u, "kcore-datagram", 14), "send udp");
	pf[2] = (struct pollfd){.fd = u, .events = POLLIN};
	ready("client");
	for (;;)
		poll(pf, 3, -1);
}

static int ipc(void)
{
	prctl(PR_SET_NAME, "ipc_holder");
	int shm = check(shmget(0x4b430001, 65536, IPC_CREAT | 0600), "shmget");
	char *p = shmat(shm, NULL, 0);
	if (p == (void *)-1)
		die("shmat");
	strcpy(p, "kcore shm");
	int sem = check(semget(0x4b430002, 3, IPC_CREAT | 0600), "semget");
	unsigned short vals[3] = {1, 2, 3};
	check(semctl(sem, 0, SETALL, vals), "semctl");
	int q = check(msgget(0x4b430003, IPC_CREAT | 0600), "msgget");
	struct {
		long type;
		char text[16];
	} msg = {1, "kcore-msg-one"};
	check(msgsnd(q, &msg, 14, 0), "msgsnd");
	msg.type = 2;
	strcpy(msg.text, "kcore-msg-two");
	check(msgsnd(q, &msg, 14, 0), "msgsnd");
	ready("ipc");
	for (;;)
		msgrcv(q, &msg, sizeof msg.text, 99, 0);
}

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static int pipe_fds[2];

static void *thr_futex(void *arg)
{
	(void)arg;
	prctl(PR_SET_NAME, "thr_futex");
	pthread_mutex_lock(&mu);
	for (;;)
		pthread_cond_wait(&cv, &mu);
}

static void *thr_sleep(void *arg)
{
	(void)arg;
	prctl(PR_SET_NAME, "thr_sleep");
	for (;;)
		sleep(100000);
}

static void *thr_pipe(void *arg)
{
	char c;
	(void)arg;
	prctl(PR_SET_NAME, "thr_pipe");
	for (;;)
		read(pipe_fds[0], &c, 1);
}

static int threads(void)
{
	prctl(PR_SET_NAME, "threaded");
	check(pipe(pipe_fds), "pipe");
	pthread_t t[3];
	pthread_create(&t[0], NULL, thr_futex, NULL);
	pthread_create(&t[1], NULL, thr_sleep, NULL);
	pthread_create(&t[2], NULL, thr_pipe, NULL);
	ready("threads");
	pthread_join(t[0], NULL);
	return 0;
}

static int timers(void)
{
	prctl(PR_SET_NAME, "timer_holder");
	signal(SIGALRM, SIG_IGN);
	signal(SIGVTALRM, SIG_IGN);
	signal(SIGRTMIN, SIG_IGN);
	timer_t t1, t2;
	struct sigevent none = {.sigev_notify = SIGEV_NONE};
	struct sigevent sig = {.sigev_notify = SIGEV_SIGNAL, .sigev_signo = SIGRTMIN};
	check(timer_create(CLOCK_REALTIME, &none, &t1), "timer_create realtime");
	check(timer_create(CLOCK_MONOTONIC, &sig, &t2), "timer_create monotonic");
	struct itimerspec a = {.it_value = {3600, 0}}, b = {.it_interval = {1800, 0}, .it_value = {1800, 0}};
	check(timer_settime(t1, 0, &a, NULL), "timer_settime");
	check(timer_settime(t2, 0, &b, NULL), "timer_settime");
	struct itimerval real = {.it_value = {7200, 0}}, virt = {.it_value = {600, 0}};
	check(setitimer(ITIMER_REAL, &real, NULL), "setitimer real");
	check(setitimer(ITIMER_VIRTUAL, &virt, NULL), "setitimer virtual");
	ready("timers");
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	now.tv_sec += 100000;
	for (;;)
		clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &now, NULL);
}

int main(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: kobjs files|server|client|ipc|threads|timers READY-DIR\n");
		return 2;
	}
	ready_dir = argv[2];
	const char *r = argv[1];
	if (!strcmp(r, "files"))
		return files();
	if (!strcmp(r, "server"))
		return server();
	if (!strcmp(r, "client"))
		return client();
	if (!strcmp(r, "ipc"))
		return ipc();
	if (!strcmp(r, "threads"))
		return threads();
	if (!strcmp(r, "timers"))
		return timers();
	fprintf(stderr, "kobjs: unknown role %s\n", r);
	return 2;
}
