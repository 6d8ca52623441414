"""How the build's kernels are managed: jupyter_client's manager and clients, less two
habits that cost a build time or alarm its reader.

- A client waiting for its kernel to be ready gets the kernel's answer to `kernel_info`
  and one message on IOPub (so IOPub is connected), then jupyter_client reads IOPub
  until it has been silent for 0.2 s, throwing away what came. A build waits for that
  twice (before the kernel's warm-up, and as papermill connects), and a kernel that kept
  printing would keep it waiting for ever. Nothing needs it: nbclient reads only the
  messages that answer its own requests.
- Its kernels listen on TCP ports that jupyter_client picked as free; another process
  can take one before the kernel binds it, and the kernel then hangs half-started (seen
  once in a fresh clone's tests). They listen on Unix sockets of their own instead.
- Shutting a kernel down, jupyter_client first interrupts it (SIGINT), so that running
  code stops. Papermill shuts a kernel down only once its notebook has run, and an idle
  kernel that catches the signal prints "ERROR | KeyboardInterrupt caught in kernel" on
  the build's stderr now and then: an alarming line about nothing.
"""

from __future__ import annotations

import tempfile
import time
import uuid
from pathlib import Path
from queue import Empty

from jupyter_client.asynchronous import AsyncKernelClient
from jupyter_client.blocking import BlockingKernelClient
from jupyter_client.manager import AsyncKernelManager
from jupyter_core.utils import ensure_async, run_sync
from traitlets import CaselessStrEnum, DottedObjectName, Type, default


async def _wait_for_ready(client, timeout: float | None = None) -> None:
    """jupyter_client's `wait_for_ready` (the client's manager is known) without the last
    0.2 s of silence it waits for."""
    deadline = time.monotonic() + (float("inf") if timeout is None else timeout)
    while True:
        client.kernel_info()
        try:
            reply = await ensure_async(client.shell_channel.get_msg(timeout=1))
        except Empty:
            reply = None
        if reply is not None and reply["msg_type"] == "kernel_info_reply":
            try:  # IOPub connected: the kernel's status messages reach it
                await ensure_async(client.iopub_channel.get_msg(timeout=0.2))
            except Empty:
                pass  # not yet: ask again
            else:
                client._handle_kernel_info_reply(reply)
                return
        if not await client._async_is_alive():
            raise RuntimeError("Kernel died before replying to kernel_info")
        if time.monotonic() > deadline:
            raise RuntimeError(f"Kernel didn't respond in {timeout} seconds")


class PromptClient(AsyncKernelClient):
    wait_for_ready = _wait_for_ready


class PromptBlockingClient(BlockingKernelClient):
    wait_for_ready = run_sync(_wait_for_ready)


class BuildKernelManager(AsyncKernelManager):
    """A kernel manager whose clients are ready as soon as the kernel answers, whose
    kernel listens on Unix sockets, and which shuts its kernel down without interrupting
    it first (module docstring)."""

    transport = CaselessStrEnum(["tcp", "ipc"], default_value="ipc", config=True)
    client_class = DottedObjectName("ijmemo.outputs.kernel_manager.PromptClient")
    client_factory = Type(klass=AsyncKernelClient, default_value=PromptClient)
    blocking_class = Type(klass=object, default_value=PromptBlockingClient)

    @default("ip")
    def _ip_default(self) -> str:  # absolute, since the kernel runs in another folder
        return str(Path(tempfile.gettempdir()) / f"ijmemo-kernel-{uuid.uuid4().hex[:16]}")

    async def _async_interrupt_kernel(self) -> None:
        if not self.shutting_down:
            await super()._async_interrupt_kernel()
