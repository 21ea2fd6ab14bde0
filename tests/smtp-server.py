#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A real SMTP peer for the mail tests: Debian's aiosmtpd on 127.0.0.1.

Run with /usr/bin/python3 (Debian's python3-aiosmtpd and python3-cryptography).
It listens on a free port, prints "PORT <n>" on stdout once it accepts
connections, and serves until its stdin closes (the test process exits or
closes the pipe), so it never outlives the test.

Every message it accepts is written to DIR/msg-<n>.eml as received and to
DIR/msg-<n>.json as Python's own email parser reads it (decoded headers, text,
attachments in base64): an independent MIME implementation checks Vitae's.
Every command that matters is appended to DIR/events.log, one a line, so a
test can tell that AUTH never happened in clear.

TLS: --tls starttls (the default; STARTTLS required before AUTH and MAIL),
--tls implicit (smtps), or --tls none (no STARTTLS offered at all). The
certificate is made at start-up by a test CA in DIR: ca.pem is the CA a client
may be told to trust; the server certificate names localhost and 127.0.0.1.
"""

import argparse
import asyncio
import base64
import datetime
import email
import email.policy
import ipaddress
import json
import os
import ssl
import sys

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword


def log_event(directory, line):
    with open(os.path.join(directory, "events.log"), "a", encoding="utf-8") as f:
        f.write(line + "\n")


def make_certificates(directory):
    """A CA and a server certificate signed by it, valid for an hour."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    now = datetime.datetime.now(datetime.timezone.utc)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Vitae Test CA")])
    ca_cert = (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(hours=1))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=False,
                                     key_encipherment=False, data_encipherment=False,
                                     key_agreement=False, key_cert_sign=True, crl_sign=True,
                                     encipher_only=False, decipher_only=False), critical=True)
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")]))
        .issuer_name(ca_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(hours=1))
        .add_extension(x509.SubjectAlternativeName([
            x509.DNSName("localhost"),
            x509.IPAddress(ipaddress.ip_address("127.0.0.1")),
        ]), critical=False)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.ExtendedKeyUsage([x509.oid.ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    paths = {name: os.path.join(directory, name) for name in ("ca.pem", "server.pem", "server.key")}
    with open(paths["ca.pem"], "wb") as f:
        f.write(ca_cert.public_bytes(serialization.Encoding.PEM))
    with open(paths["server.pem"], "wb") as f:
        f.write(cert.public_bytes(serialization.Encoding.PEM))
    with open(paths["server.key"], "wb") as f:
        f.write(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                  serialization.NoEncryption()))
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(paths["server.pem"], paths["server.key"])
    return context


def summarise(raw, envelope, session, implicit_tls):
    """What Python's email package reads in the message."""
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    summary = {
        "mail_from": envelope.mail_from,
        "rcpt_tos": list(envelope.rcpt_tos),
        "tls": implicit_tls or session.ssl is not None,
        "authenticated": bool(session.authenticated),
        "headers": {name: str(value) for name, value in msg.items()},
        "content_type": msg.get_content_type(),
        "defects": [type(d).__name__ for d in msg.defects],
        "text": None,
        "attachments": [],
    }
    for part in msg.walk():
        if part.is_multipart():
            continue
        if part.get_content_disposition() == "attachment":
            summary["attachments"].append({
                "filename": part.get_filename(),
                "content_type": part.get_content_type(),
                "transfer_encoding": part.get("Content-Transfer-Encoding", ""),
                "data": base64.b64encode(part.get_payload(decode=True)).decode("ascii"),
            })
        elif part.get_content_type() == "text/plain" and summary["text"] is None:
            # SMTP lines end in CRLF, which Python's parser keeps as it found them.
            summary["text"] = part.get_content().replace("\r\n", "\n")
            summary["text_charset"] = part.get_content_charset()
    return summary


class Handler:
    def __init__(self, options):
        self.options = options
        self.count = 0
        self.failures_left = options.fail_count

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        log_event(self.options.dir, "RCPT " + address)
        if self.options.fault == "rcpt-550":
            return "550 5.1.1 <%s>: Recipient address rejected: User unknown" % address
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        log_event(self.options.dir, "DATA %d bytes" % len(envelope.content))
        if self.failures_left > 0:
            self.failures_left -= 1
            if self.options.fault == "data-554":
                return "554 5.7.1 Message refused: it looks like spam to this server"
            return "451 4.3.0 Mailbox temporarily unavailable, try again later"
        self.count += 1
        base = os.path.join(self.options.dir, "msg-%d" % self.count)
        raw = envelope.original_content or envelope.content
        with open(base + ".eml", "wb") as f:
            f.write(raw)
        summary = summarise(raw, envelope, session, self.options.tls == "implicit")
        with open(base + ".json.tmp", "w", encoding="utf-8") as f:
            json.dump(summary, f, indent=1)
        os.rename(base + ".json.tmp", base + ".json")
        log_event(self.options.dir, "ACCEPTED msg-%d" % self.count)
        return "250 2.0.0 Ok: queued as VITAE%d" % self.count


class LoggingSMTP(SMTP):
    """Logs the commands a test cares about; can drop the line inside DATA."""

    def __init__(self, *args, fault=None, events_dir=None, implicit_tls=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fault = fault
        self.events_dir = events_dir
        self.implicit_tls = implicit_tls

    def in_tls(self):
        return self.implicit_tls or self.session.ssl is not None

    async def smtp_STARTTLS(self, arg):
        log_event(self.events_dir, "STARTTLS")
        return await super().smtp_STARTTLS(arg)

    async def smtp_AUTH(self, arg):
        # Only the mechanism: what follows may be a credential.
        log_event(self.events_dir, "AUTH %s tls=%s" % ((arg or "").split(" ")[0].upper(), self.in_tls()))
        return await super().smtp_AUTH(arg)

    async def smtp_MAIL(self, arg):
        log_event(self.events_dir, "MAIL tls=%s" % self.in_tls())
        return await super().smtp_MAIL(arg)

    async def smtp_DATA(self, arg):
        if self.fault != "drop-mid-data" or not self.envelope.rcpt_tos:
            return await super().smtp_DATA(arg)
        await self.push("354 End data with <CR><LF>.<CR><LF>")
        for _ in range(3):
            await self._reader.readuntil(b"\r\n")
        log_event(self.events_dir, "DROPPED in DATA")
        self.transport.abort()


class Silent(asyncio.Protocol):
    """Accepts a connection and never says a word: a server that hangs."""

    def __init__(self, directory):
        self.directory = directory

    def connection_made(self, transport):
        log_event(self.directory, "CONNECTED silent")
        self.transport = transport


def make_authenticator(options):
    def authenticate(server, session, envelope, mechanism, auth_data):
        ok = (isinstance(auth_data, LoginPassword)
              and auth_data.login.decode() == options.user
              and auth_data.password.decode() == options.password)
        log_event(options.dir, "AUTH-RESULT %s %s %s" % (mechanism, auth_data.login.decode()
                                                         if isinstance(auth_data, LoginPassword) else "?",
                                                         "ok" if ok else "denied"))
        # handled=False: aiosmtpd itself answers 535 when the login is wrong.
        return AuthResult(success=ok, handled=False)
    return authenticate


async def serve(options):
    loop = asyncio.get_running_loop()
    context = make_certificates(options.dir)
    handler = Handler(options)
    mechs = {"PLAIN", "LOGIN"}
    excluded = sorted(mechs - set(options.auth_mechs.upper().split(",")))

    def factory():
        if options.fault == "silent":
            return Silent(options.dir)
        return LoggingSMTP(
            handler,
            hostname="vitae-test.localhost",
            tls_context=context if options.tls == "starttls" else None,
            require_starttls=options.tls == "starttls",
            auth_required=True,
            # With --tls none AUTH is offered in clear: the client must refuse.
            # aiosmtpd only knows of STARTTLS, so implicit TLS says so itself.
            auth_require_tls=options.tls == "starttls",
            auth_exclude_mechanism=excluded,
            authenticator=make_authenticator(options),
            fault=options.fault,
            events_dir=options.dir,
            implicit_tls=options.tls == "implicit",
            timeout=30,
        )

    server = await loop.create_server(factory, host="127.0.0.1", port=0,
                                      ssl=context if options.tls == "implicit" else None)
    port = server.sockets[0].getsockname()[1]
    print("PORT %d" % port, flush=True)

    # Serve until the test closes our stdin.
    stdin_closed = loop.create_future()
    reader = asyncio.StreamReader()
    await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader), sys.stdin)

    async def watch():
        while await reader.read(4096):
            pass
        stdin_closed.set_result(True)

    asyncio.ensure_future(watch())
    await stdin_closed
    server.close()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dir", required=True)
    parser.add_argument("--tls", choices=["starttls", "implicit", "none"], default="starttls")
    parser.add_argument("--auth-mechs", default="PLAIN,LOGIN")
    parser.add_argument("--user", default="vitae")
    parser.add_argument("--password", default="")
    parser.add_argument("--fault", choices=["none", "data-451", "data-554", "rcpt-550",
                                            "drop-mid-data", "silent"], default="none")
    parser.add_argument("--fail-count", type=int, default=0,
                        help="refuse this many messages (451, or 554 with --fault data-554)")
    options = parser.parse_args()
    if options.fault in ("data-451", "data-554") and options.fail_count == 0:
        options.fail_count = 1 << 30
    # The password arrives in the environment, never in a command line others can read.
    options.password = os.environ.get("VITAE_TEST_SMTP_PASSWORD", options.password)
    asyncio.run(serve(options))


if __name__ == "__main__":
    main()
