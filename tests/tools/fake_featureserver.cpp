// SPDX-License-Identifier: MIT
// A stand-in for the ONS Open Geography Portal's ArcGIS FeatureServer on 127.0.0.1, so
// that tests run the download code users run (GDAL's ESRIJSON driver, its paging, its
// retries) without the internet.
//
//   fake_featureserver DIR -- COMMAND ARGS...
//
// Listens on a free port of 127.0.0.1, runs COMMAND with every "{url}" in its arguments
// replaced by http://127.0.0.1:PORT, relays its exit status, and stops. Requests:
//   /<service>/FeatureServer/0/query?...resultOffset=N...  -> DIR/<service>/page-N.json
//     (N = 0 without resultOffset); returnCountOnly=true -> DIR/<service>/count.json
//   /<service>/FeatureServer/0?...                         -> DIR/<service>/layer.json
// Scripted faults, by marker files next to a page:
//   page-N.fail-once  the first request for the page gets HTTP 503 (GDAL should retry);
//   page-N.truncate   the page is cut in half mid-body with the full Content-Length
//                     announced, and the connection closed (a truncated response).
// Every request is logged on stderr as "fake_featureserver: <status> <target>".
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace {

namespace fs = std::filesystem;

std::string slurp(const fs::path& p)
{
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

/// The value of `key` in a URL query string ("" when absent).
std::string query_value(const std::string& query, const std::string& key)
{
    std::istringstream in(query);
    for (std::string kv; std::getline(in, kv, '&');)
        if (kv.rfind(key + "=", 0) == 0) return kv.substr(key.size() + 1);
    return {};
}

void send_all(int fd, const std::string& data)
{
    std::size_t sent = 0;
    while (sent < data.size()) {
        const ssize_t n = ::send(fd, data.data() + sent, data.size() - sent, MSG_NOSIGNAL);
        if (n <= 0) return;
        sent += static_cast<std::size_t>(n);
    }
}

class Server {
public:
    explicit Server(fs::path dir) : dir_(std::move(dir)) {}

    int listen_on_free_port()
    {
        fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        addr.sin_port = 0;
        if (::bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 || ::listen(fd_, 16) != 0) return -1;
        socklen_t len = sizeof addr;
        ::getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len);
        return ntohs(addr.sin_port);
    }

    void serve(const std::atomic<bool>& stop)
    {
        while (!stop) {
            pollfd p{fd_, POLLIN, 0};
            if (::poll(&p, 1, 100) <= 0) continue;
            const int client = ::accept(fd_, nullptr, nullptr);
            if (client < 0) continue;
            handle(client);
            ::close(client);
        }
        ::close(fd_);
    }

private:
    void handle(int client)
    {
        std::string request;
        char buf[4096];
        while (request.find("\r\n\r\n") == std::string::npos) {
            const ssize_t n = ::recv(client, buf, sizeof buf, 0);
            if (n <= 0) return;
            request.append(buf, static_cast<std::size_t>(n));
        }
        std::istringstream line(request.substr(0, request.find("\r\n")));
        std::string method, target;
        line >> method >> target;
        const auto q = target.find('?');
        const std::string path = target.substr(0, q), query = q == std::string::npos ? "" : target.substr(q + 1);

        fs::path file;
        std::string offset = query_value(query, "resultOffset");
        if (offset.empty()) offset = "0";
        std::vector<std::string> parts;
        std::istringstream ps(path);
        for (std::string s; std::getline(ps, s, '/');)
            if (!s.empty()) parts.push_back(s);
        if (parts.size() == 4 && parts[1] == "FeatureServer" && parts[3] == "query")
            file = query_value(query, "returnCountOnly") == "true" ? dir_ / parts[0] / "count.json"
                                                                   : dir_ / parts[0] / ("page-" + offset + ".json");
        else if (parts.size() == 3 && parts[1] == "FeatureServer")
            file = dir_ / parts[0] / "layer.json";

        auto reply = [&](int status, const std::string& reason, const std::string& body, std::size_t cut) {
            std::cerr << "fake_featureserver: " << status << " " << target << "\n";
            send_all(client, "HTTP/1.1 " + std::to_string(status) + " " + reason +
                                 "\r\nContent-Type: application/json\r\nContent-Length: " +
                                 std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n" + body.substr(0, cut));
        };
        if (file.empty() || !fs::exists(file)) return reply(404, "Not Found", "{\"error\":\"not found\"}", 100);
        const std::string body = slurp(file);
        const fs::path fail_once = fs::path(file).replace_extension(".fail-once");
        if (fs::exists(fail_once) && failed_.insert(file.string()).second)
            return reply(503, "Service Unavailable", "{\"error\":\"busy\"}", 100);
        if (fs::exists(fs::path(file).replace_extension(".truncate"))) return reply(200, "OK", body, body.size() / 2);
        reply(200, "OK", body, body.size());
    }

    fs::path dir_;
    int fd_ = -1;
    std::set<std::string> failed_;
};

} // namespace

int main(int argc, char** argv)
{
    if (argc < 4 || std::string(argv[2]) != "--") {
        std::cerr << "usage: fake_featureserver DIR -- COMMAND ARGS...\n";
        return 2;
    }
    Server server(argv[1]);
    const int port = server.listen_on_free_port();
    if (port < 0) {
        std::cerr << "fake_featureserver: cannot listen on 127.0.0.1\n";
        return 2;
    }
    std::atomic<bool> stop{false};
    std::thread thread([&] { server.serve(stop); });

    const std::string url = "http://127.0.0.1:" + std::to_string(port);
    std::vector<std::string> args;
    for (int i = 3; i < argc; ++i) {
        std::string a = argv[i];
        for (auto at = a.find("{url}"); at != std::string::npos; at = a.find("{url}"))
            a.replace(at, 5, url);
        args.push_back(a);
    }
    std::vector<char*> cargs;
    for (auto& a : args)
        cargs.push_back(a.data());
    cargs.push_back(nullptr);
    const pid_t child = ::fork();
    if (child == 0) {
        ::execvp(cargs[0], cargs.data());
        std::cerr << "fake_featureserver: cannot run " << args[0] << "\n";
        ::_exit(127);
    }
    int status = 0;
    ::waitpid(child, &status, 0);
    stop = true;
    thread.join();
    return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
}
