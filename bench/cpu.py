"""What every timing must be printed beside: the CPU's vector and bfloat16 flags."""
import subprocess


def cpu_flags() -> str:
    """'avx2', 'avx2 avx512_bf16 amx_bf16', ... as ``grep -o -m1 -w ... /proc/cpuinfo | sort -u`` prints them."""
    out = subprocess.run("grep -o -m1 -w 'avx2\\|avx512_bf16\\|amx_bf16' /proc/cpuinfo | sort -u", shell=True,
                         capture_output=True, text=True).stdout.split()
    return " ".join(out) or "none"
