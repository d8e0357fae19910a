// busybox 1.28's `nslookup` applet (networking/nslookup.c, tag 1_28_4: the small libc-based one
// that 1.29 replaced). It prints the server block, then every address getaddrinfo returns for the
// name through the pod's resolver, each followed by its reverse (PTR) name when one exists.
// The text, stream and exit status are the applet's; lookups go to DnsResolver.
import { DNS_SERVICE_IP } from '../bootstrap'
import { isIPv4, searchPath, type DnsResolver } from './resolver'

export interface CommandResult {
  stdout: string
  stderr: string
  exitCode: number
}

/** One line of the pod's /etc/hosts (the kubelet writes localhost and the pod's own names). */
export interface HostsEntry {
  ip: string
  names: string[]
}

export interface NslookupOptions {
  /** /etc/hosts, consulted before DNS as uclibc does. */
  hosts?: readonly HostsEntry[]
  /** resolv.conf's nameserver; kube-dns's cluster IP by default. */
  nameserver?: string
}

const USAGE =
  'BusyBox v1.28.4 (2018-05-22 17:00:17 UTC) multi-call binary.\n\n' +
  'Usage: nslookup [HOST] [SERVER]\n\n' +
  'Query the nameserver for the IP address of the given HOST\n' +
  'optionally using a specified DNS server\n'

/**
 * Runs `nslookup HOST [SERVER]` in a pod of `podNamespace`. Exit status 0 when HOST resolved;
 * 1 with `nslookup: can't resolve 'HOST'` on stderr when it did not, or with usage text for bad
 * arguments. A SERVER other than the cluster DNS answers nothing (it stands for an unreachable one).
 */
export function nslookup(
  args: readonly string[],
  resolver: DnsResolver,
  podNamespace: string,
  options: NslookupOptions = {},
): CommandResult {
  const [host, serverArg] = args
  if (host === undefined || host.startsWith('-') || args.length > 2)
    return { stdout: '', stderr: USAGE, exitCode: 1 }
  const hosts = options.hosts ?? []
  const search = searchPath(podNamespace)
  let server = options.nameserver ?? DNS_SERVICE_IP
  if (serverArg !== undefined) {
    // set_default_dns → xhost2sockaddr, which resolves a name with the default resolver or dies.
    const ip = isIPv4(serverArg) ? serverArg : getaddrinfo(serverArg, resolver, server, search, hosts)[0]
    if (!ip) return { stdout: '', stderr: `nslookup: bad address '${serverArg}'\n`, exitCode: 1 }
    server = ip
  }
  // server_print: print_host(server, "Server:") and a blank line.
  let stdout = printHost(server, [server], resolver, server, hosts) + '\n'
  const addresses = getaddrinfo(host, resolver, server, search, hosts)
  if (addresses.length === 0) return { stdout, stderr: `nslookup: can't resolve '${host}'\n`, exitCode: 1 }
  stdout += printHost(host, addresses, resolver, server, hosts, 'Name:')
  return { stdout, stderr: '', exitCode: 0 }
}

/** print_host: `%-10s %s\n` then `Address N: ip[ revhost]` per address. */
function printHost(
  name: string,
  addresses: string[],
  resolver: DnsResolver,
  server: string,
  hosts: readonly HostsEntry[],
  header = 'Server:',
): string {
  const reverse = resolver.isClusterDns(server)
    ? resolver.reverseMany(addresses)
    : new Map<string, string[]>()
  let out = `${header.padEnd(10)} ${name}\n`
  addresses.forEach((ip, i) => {
    // getnameinfo(NI_NAMEREQD): /etc/hosts first, then the first PTR answer.
    const revhost = hosts.find((h) => h.ip === ip)?.names[0] ?? reverse.get(ip)?.[0]
    out += `Address ${i + 1}: ${ip}${revhost ? ` ${revhost}` : ''}\n`
  })
  return out
}

/** getaddrinfo: an IPv4 literal as is; else /etc/hosts; else DNS through the search path. */
function getaddrinfo(
  name: string,
  resolver: DnsResolver,
  server: string,
  search: readonly string[],
  hosts: readonly HostsEntry[],
): string[] {
  if (isIPv4(name)) return [name]
  const wanted = name.toLowerCase().replace(/\.$/, '')
  const fromHosts = hosts.filter((h) => h.names.some((n) => n.toLowerCase() === wanted)).map((h) => h.ip)
  if (fromHosts.length > 0) return [...new Set(fromHosts)]
  if (!resolver.isClusterDns(server)) return []
  return resolver.resolve(name, search).addresses
}
